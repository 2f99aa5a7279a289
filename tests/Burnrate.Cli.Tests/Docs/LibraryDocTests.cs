using System.Text.Json;
using System.Text.RegularExpressions;
using Burnrate.Examples;

namespace Burnrate.Cli.Tests.Docs;

/// <summary>docs/library.md's example is compiled into this assembly (docs/examples/LibraryExample.cs); these run it and keep the page equal to the file.</summary>
public sealed partial class LibraryDocTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));

    [Fact]
    public void Should_ShowTheCompiledExampleVerbatim_When_ReadingTheLibraryPage()
    {
        // Given
        string page = File.ReadAllText(Path.Combine(Root(), "docs", "library.md"));
        string code = File.ReadAllText(Path.Combine(Root(), "docs", "examples", "LibraryExample.cs"));

        // When
        Match block = CSharpBlock().Match(page);

        // Then
        block.Success.ShouldBeTrue("docs/library.md has no ```csharp block");
        block.Groups["code"].Value.ShouldBe(code);
        File.ReadAllText(Path.Combine(Root(), "README.md")).ShouldContain("(docs/library.md)");
    }

    [Fact]
    public void Should_PriceServingAsTheInferCommandDoes_When_CallingInferService()
    {
        // When
        var report = LibraryExample.Infer();
        CliRun cli = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--input", "1024", "--output", "256", "--concurrency", "32", "--json");

        // Then
        cli.ExitCode.ShouldBe(0, cli.Error);
        using JsonDocument json = JsonDocument.Parse(cli.Output);
        report.FitsInMemory.ShouldBeTrue();
        report.CostPerMillionOutputTokensUsd!.Value.ShouldBe(json.RootElement.GetProperty("costPerMillionOutputTokensUsd").GetDouble(), 1e-12);
        report.Assumptions.ShouldContain(a => a.Name == "gpu-hour-usd");
    }

    [Fact]
    public void Should_CostTheTrainingRun_When_CallingTrainService()
    {
        var report = LibraryExample.Train();

        report.Gpus.ShouldBe(64);
        report.Tokens.ShouldBe(1e12);
        report.CostUsd.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_RunTheMonteCarlo_When_PlanningTheExampleScenario()
    {
        var outcome = LibraryExample.Plan();

        outcome.MonteCarlo.Paths.ShouldBe(2_000);
        outcome.MonteCarlo.Seed.ShouldBe(42UL);
        outcome.Presets.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Should_MeasureEachLevelOnLoopback_When_BenchingTheSimulator()
    {
        var result = await LibraryExample.BenchAsync();

        result.Levels.Select(l => (l.Concurrency, l.Completed)).ShouldBe([(1, 8), (4, 8)]);
        result.Url.ShouldStartWith("http://127.0.0.1:");
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
