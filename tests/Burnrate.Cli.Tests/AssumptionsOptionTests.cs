namespace Burnrate.Cli.Tests;

/// <summary>The assumptions table is behind --assumptions in text output; --json always carries the assumptions.</summary>
public sealed class AssumptionsOptionTests
{
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "infer", "llama-3.1-8b", "--gpu", "h100-sxm" },
        new[] { "train", "llama-3.1-8b", "--tokens", "15T", "--gpu", "h100-sxm", "--gpus", "1024" },
        new[] { "optimize", "llama-3.1-8b", "--gpus-allowed", "h100-sxm", "--max-devices", "2" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Should_CountTheAssumptionsInsteadOfListingThem_When_NotAsked(string[] args)
    {
        // Given / When
        CliRun run = CliRunner.Run(args);

        // Then: one line naming how many there are and the option that lists them; no table
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldMatch(@"\n\d+ assumptions behind these figures: add --assumptions to list each with its\n  source\.\n");
        run.Output.ShouldNotContain("│ source");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Should_ListEveryAssumptionWithItsSource_When_Asked(string[] args)
    {
        // Given
        string json = CliRunner.Run([.. args, "--json"]).Output;
        int count = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("assumptions").GetArrayLength();

        // When
        CliRun run = CliRunner.Run([.. args, "--assumptions"]);

        // Then: the table, with as many named rows as the JSON has assumptions; or, when a source word (a URL) could not
        // stay whole in a table 80 columns wide, the list: one "  name = value" line per assumption, its source beneath
        run.ExitCode.ShouldBe(0, run.Error);
        count.ShouldBeGreaterThan(0);
        run.Output.ShouldNotContain("add --assumptions");
        string[] lines = run.Output.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("│ name ", StringComparison.Ordinal));
        int named = header >= 0
            ? lines.Skip(header + 2).TakeWhile(l => l.StartsWith("│ ", StringComparison.Ordinal)).Count(l => l[2] != ' ')
            : lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  \S+ = "));
        named.ShouldBe(count);
    }

    [Fact]
    public void Should_CountPlanAssumptions_When_NotAsked()
    {
        // Given / When
        CliRun run = CliRunner.Run("plan", Example("api-startup.yaml"), "--paths", "200");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("assumptions behind these figures: add --assumptions");
        CliRunner.Run("plan", Example("api-startup.yaml"), "--paths", "200", "--assumptions").Output.ShouldContain("│ source");
    }

    private static string Example(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "examples", name));
}
