using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Burnrate.Planning;
using Burnrate.Planning.Examples;
using Burnrate.Planning.Scenario;
using Burnrate.Web.Hosting;

namespace Burnrate.Web.Tests.Api;

public sealed class PlanApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Should_EqualTheCliJson_When_TheSameScenarioPathsAndSeedArePlanned()
    {
        // Given
        using HttpClient client = factory.CreateClient();
        using TempFolder temp = new();
        string file = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);
        CliRun cli = CliRunner.Run("plan", file, "--paths", "2000", "--seed", "7", "--json");

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { example = "api-startup", paths = 2000, seed = 7 });

        // Then
        cli.ExitCode.ShouldBe(0, cli.Error);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string api = await response.Content.ReadAsStringAsync();
        JsonNode.DeepEquals(JsonNode.Parse(api), JsonNode.Parse(cli.Output)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public async Task Should_NameThePathsField_When_PathsAreOutOfBounds(int paths)
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { example = "api-startup", paths });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!["paths"]![0]!.GetValue<string>().ShouldContain("1,000,000");
        // the library's check and wording, which plan and report print too (with --paths for paths)
        problem["errors"]!["paths"]![0]!.GetValue<string>().ShouldBe(PlanOutcome.CheckPaths(paths, Burnrate.Web.Api.PlanApi.MaxPaths)[0].Describe("paths"));
    }

    [Fact]
    public async Task Should_PointAtTheLine_When_TheScenarioYamlIsInvalid()
    {
        // Given
        using HttpClient client = factory.CreateClient();
        string yaml = ExampleScenarios.Find("api-startup")!.Yaml.Replace("months: 36", "months: -3", StringComparison.Ordinal);

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { scenarioYaml = yaml, paths = 100 });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["scenarioYaml"]![0]!.GetValue<string>();
        message.ShouldContain("scenario.yaml:");
        message.ShouldContain("months");
    }

    [Fact]
    public async Task Should_SuggestTheNearestExample_When_TheExampleIsMistyped()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { example = "api-startp" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("did you mean api-startup");
    }

    [Fact]
    public async Task Should_NeverReadAFile_When_TheExampleNamesAPath()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { example = "/etc/passwd" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("root:");
    }

    [Theory]
    [InlineData("inference:\n    from: {model: /etc/passwd, gpu: h100-sxm, input: 1000, output: 200}")]
    [InlineData("training:\n    - {name: run, month: 2026-03, from: {model: /etc/passwd, tokens: 1e12, gpu: h100-sxm, gpus: 8}}")]
    public async Task Should_NeverReadAFile_When_AFromEntryNamesAModelByPath(string costs)
    {
        // Given: a from: entry whose model the CLI would read as a config.json path
        using HttpClient client = factory.CreateClient();
        string yaml = "name: t\nstart: 2026-01\nmonths: 12\ncash: 1e6\ncosts:\n  " + costs + "\n";

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { scenarioYaml = yaml, paths = 100 });

        // Then: refused before the file is opened (no parse error of its content), located at the from: entry
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["scenarioYaml"]![0]!.GetValue<string>();
        message.ShouldStartWith("scenario.yaml:");
        message.ShouldContain("from: model '/etc/passwd' is not allowed; expected a catalog model id (the API reads no config.json files)");
        message.ShouldNotContain("not valid JSON", Case.Sensitive);
    }

    [Fact]
    public async Task Should_RaiseMedianCash_When_ThePriceIsScaledUp()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        JsonNode plain = await Plan(client, new { example = "api-startup", paths = 500 });
        JsonNode dearer = await Plan(client, new { example = "api-startup", paths = 500, whatIf = new Dictionary<string, double> { ["revenue.api.pricePerMillionTokens"] = 1.5 } });

        // Then
        dearer["cash"]!["p50"]![35]!.GetValue<double>().ShouldBeGreaterThan(plain["cash"]!["p50"]![35]!.GetValue<double>());
    }

    [Fact]
    public async Task Should_NameTheKnownDrivers_When_AWhatIfDriverIsUnknown()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", new { example = "api-startup", whatIf = new Dictionary<string, double> { ["revenue.api.price"] = 2 } });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("revenue.api.pricePerMillionTokens");
    }

    [Fact]
    public async Task Should_ListTheDrivers_When_DriversAreAskedFor()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan/drivers", new { example = "api-startup" });
        JsonArray drivers = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        // Then
        drivers.Select(d => d!["path"]!.GetValue<string>()).ShouldContain("costs.inference.costPerMillionTokens");
    }

    [Fact]
    public async Task Should_RefuseASecondRun_When_EverySlotStaysTaken()
    {
        // Given
        using var gate = new RunGate(1);
        using IDisposable? first = await gate.EnterAsync(CancellationToken.None);

        // When
        IDisposable? second = await gate.EnterAsync(CancellationToken.None);

        // Then
        first.ShouldNotBeNull();
        second.ShouldBeNull();
    }

    [Fact]
    public void Should_StopTheMonteCarlo_When_TheTokenIsCancelled()
    {
        // Given
        PlanScenario scenario = ScenarioReader.Read(ExampleScenarios.Find("api-startup")!.Yaml, "api-startup.yaml", new Planning.Derivation.CostModelDeriver(Catalog.BurnrateCatalog.Embedded));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When / Then
        Should.Throw<OperationCanceledException>(() => PlanOutcome.Compute(scenario, 1_000_000, 1, 1, cancelled.Token));
    }

    private static async Task<JsonNode> Plan(HttpClient client, object body)
    {
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/plan", body);
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
