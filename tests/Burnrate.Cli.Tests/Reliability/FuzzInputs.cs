using Burnrate.Bench;
using Burnrate.Bench.Metrics;

namespace Burnrate.Cli.Tests.Reliability;

/// <summary>
/// What the fuzzed commands need to get past their first check, built once per test class in a temporary folder: a ledger
/// with the example usage logs and revenue, and a bench summary to calibrate from. Every path a fuzzed run may write (an
/// --out, a --db) is made under <see cref="Dir"/>, so nothing lands beside the tests.
/// </summary>
public sealed class FuzzInputs : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-fuzz-inputs-");

    public FuzzInputs()
    {
        Ledger = _dir.File("ledger.duckdb");
        Require(CliRunner.Run("ledger", "import", RepoFiles.LedgerExample("spend-logs.jsonl"), "--format", "litellm", "--db", Ledger));
        Require(CliRunner.Run("ledger", "import", RepoFiles.LedgerExample("revenue.csv"), "--format", "revenue", "--db", Ledger));
        LevelResult Level(int concurrency) => new()
        {
            Concurrency = concurrency, Sent = 10, Completed = 10, InputTokens = 20480, OutputTokens = 1280,
            TtftSeconds = new LatencySummary { Count = 10, P50 = 0.05 * concurrency }, ItlSeconds = new LatencySummary { Count = 1270, P50 = 0.008 },
        };
        BenchSummary = _dir.Write("summary.json", BenchResultFile.ToJson(new BenchResult { Stream = true, Levels = [Level(1), Level(16)] }));
    }

    /// <summary>Gets the folder every fuzzed output goes under.</summary>
    public string Dir => _dir.Path;

    /// <summary>Gets a DuckDB ledger holding examples/ledger/spend-logs.jsonl and revenue.csv.</summary>
    public string Ledger { get; }

    /// <summary>Gets a bench summary with two concurrency levels (1 and 16) that calibrate accepts.</summary>
    public string BenchSummary { get; }

    /// <summary>Gets <paramref name="value"/> as a path under <see cref="Dir"/>, even when it is absolute (<c>/</c> becomes the
    /// folder itself, <c>/dev/zero</c> a path under a missing folder): a fuzzed output must never land outside it. An
    /// earlier version kept absolute values, and a run as root wrote fleet files into / and replaced the /dev/zero device with
    /// a calibration file (temp then rename). A ClickHouse address stays as it is (nothing listens on port 9).</summary>
    public string Under(string value) =>
        value.StartsWith("clickhouse://", StringComparison.Ordinal) ? value : Path.Combine(Dir, value.TrimStart('/'));

    public void Dispose() => _dir.Dispose();

    private static void Require(CliRun run)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("fuzz input setup failed: " + run.Error);
        }
    }
}
