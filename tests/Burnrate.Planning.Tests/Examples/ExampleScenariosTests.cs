using Burnrate.Catalog;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Examples;
using Burnrate.Planning.Fleet;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Tests.Examples;

public sealed class ExampleScenariosTests
{
    private static string RepositoryExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "examples");
    }

    [Fact]
    public void Should_EmbedEveryRepositoryExampleVerbatim_When_AssemblyBuilt()
    {
        // Given
        var files = Directory.GetFiles(RepositoryExamples(), "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();

        // When
        IReadOnlyList<ExampleScenario> embedded = ExampleScenarios.All;

        // Then
        embedded.Select(e => e.Name).ShouldBe(files.Select(Path.GetFileNameWithoutExtension).Cast<string>());
        foreach (ExampleScenario e in embedded)
        {
            e.Yaml.ShouldBe(File.ReadAllText(Path.Combine(RepositoryExamples(), e.Name + ".yaml")));
        }
    }

    [Fact]
    public void Should_ParseEveryEmbeddedExample_When_ReadAsAScenario()
    {
        // from: entries run the train/infer estimators against the embedded catalog.
        var deriver = new CostModelDeriver(BurnrateCatalog.Embedded);
        foreach (ExampleScenario e in ExampleScenarios.All)
        {
            if (e.Name.StartsWith("fleet-", StringComparison.Ordinal))
            {
                // Fleet inputs (burnrate fleet), not plan scenarios.
                var serving = new ServingCapacityDeriver(BurnrateCatalog.Embedded, Core.Inference.EfficiencyFactors.Default, "default");
                FleetReader.Read(e.Yaml, e.Name, serving).Validate().ShouldBeEmpty(e.Name);
                continue;
            }

            PlanScenario scenario = ScenarioReader.Read(e.Yaml, e.Name, deriver);
            scenario.Months.ShouldBeGreaterThan(0, e.Name);
        }
    }

    [Fact]
    public void Should_SummariseEachExampleInOneSentence_When_Listed()
    {
        foreach (ExampleScenario e in ExampleScenarios.All)
        {
            e.Summary.ShouldNotBeNullOrWhiteSpace(e.Name);
            e.Summary.ShouldEndWith(".", customMessage: e.Name);
            e.Summary.ShouldNotContain("#");
        }
    }

    [Theory]
    [InlineData("api-startup")]
    [InlineData("API-Startup")]
    [InlineData("api-startup.yaml")]
    public void Should_FindExample_When_NameDiffersInCaseOrExtension(string name)
    {
        ExampleScenarios.Find(name)!.Name.ShouldBe("api-startup");
    }

    [Fact]
    public void Should_ReturnNull_When_NoExampleHasTheName()
    {
        ExampleScenarios.Find("nope").ShouldBeNull();
    }
}
