namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>
/// Every golden text case of infer, train, optimize, plan and catalog, with and without --assumptions, fits the terminal:
/// no line of standard output is wider than 80 columns (the width when output is not a terminal), nor than a narrower or
/// wider terminal's. Standard error is left out: an error is one line by contract, however long.
/// </summary>
public sealed class OutputWidthTests
{
    public static IEnumerable<object[]> TextCases()
    {
        var cases = new List<object[]>();
        foreach ((string command, TheoryData<string, string[]> data) in new[]
        {
            ("infer", InferGoldenTests.Cases), ("train", TrainGoldenTests.Cases), ("optimize", OptimizeGoldenTests.Cases),
        })
        {
            foreach (object[] row in data)
            {
                string[] args = (string[])row[1];
                cases.Add([(string[])[command, .. args]]);
                cases.Add([(string[])[command, .. args, "--assumptions"]]);
            }
        }

        foreach (object[] row in PlanGoldenTests.Cases)
        {
            string[] args = (string[])row[1];
            cases.Add([(string[])["plan", GoldenRun.Example(args[0]), .. args[1..]]]);
            cases.Add([(string[])["plan", GoldenRun.Example(args[0]), .. args[1..], "--assumptions"]]);
        }

        foreach (string[] args in new[] { ["catalog", "gpus"], ["catalog", "models"], ["catalog", "show", "h100-sxm"], ["catalog", "show", "deepseek-v3"], new[] { "catalog", "show", "tpu-v6e" } })
        {
            cases.Add([args]);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Should_KeepEveryLineWithin80Columns_When_OutputIsNotATerminal(string[] args)
    {
        // Given / When
        CliRun run = CliRunner.Run(args);

        // Then (a case may be refused, e.g. owned hardware without a purchase price: its one error line is on stderr)
        WidestLines(run.Output, 80).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(60)]
    [InlineData(132)]
    public void Should_KeepEveryLineWithinTheTerminal_When_ItIsNarrowerOrWider(int width)
    {
        foreach (object[] row in TextCases())
        {
            // Given / When
            CliRun run = CliRunner.RunAtWidth(width, (string[])row[0]);

            // Then
            WidestLines(run.Output, width).ShouldBeEmpty(string.Join(" ", (string[])row[0]));
        }
    }

    [Fact]
    public void Should_UseTheWiderTerminal_When_ATableDoesNotFit80Columns()
    {
        // Given: the sweep splits into two tables at 80 columns
        string[] args = ["infer", "llama-3.1-8b", "--gpu", "a100-80gb", "--sweep-concurrency", "1,8"];

        // When
        CliRun narrow = CliRunner.Run(args);
        CliRun wide = CliRunner.RunAtWidth(200, args);

        // Then: one sweep table when there is room for it
        narrow.Output.ShouldContain("Concurrency sweep (2 of 2)");
        wide.Output.ShouldNotContain("(2 of 2)");
        wide.Output.Split('\n').Max(l => l.Length).ShouldBeGreaterThan(80);
    }

    private static string[] WidestLines(string output, int width) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > width).Select(l => $"{l.Length}: {l}")];
}
