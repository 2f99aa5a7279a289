using Burnrate.Bench.Simulation;

namespace Burnrate.Cli.Tests.BenchGolden;

/// <summary>
/// Golden files of bench's JSON and tables, run live against the in-process simulator with fixed timing (10 ms TTFT,
/// 2 ms ITL). Counts, tokens, labels and assumptions are compared exactly; wall-clock figures are masked (see <see cref="GoldenMask"/>).
/// </summary>
public sealed class BenchGoldenTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _dir = new("burnrate-golden-bench-");
    private SimulatedServer? _server;

    public async Task InitializeAsync() => _server = await SimulatedServer.StartAsync(new SimulatorOptions { TtftSeconds = 0.01, ItlSeconds = 0.002 });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _dir.Dispose();

    private string[] Concurrency => ["bench", "--url", _server!.BaseUrl.ToString(), "--model", "m", "--concurrency", "1,2", "--requests", "4", "--input-tokens", "16", "--output-tokens", "4", "--deployment-usd-per-hour", "2", "--slo-ttft", "1s"];

    private string[] Search => ["bench", "--url", _server!.BaseUrl.ToString(), "--model", "m", "--api", "completions", "--stream", "false", "--rate", "50", "--arrivals", "constant", "--requests", "3",
        "--input-tokens", "8", "--output-tokens", "3", "--max-goodput", "--slo-e2e", "10s", "--search-range", "20:40", "--search-steps", "1", "--gpu", "h100-sxm", "--gpus", "2"];

    [Fact]
    public void Should_MatchTheGoldenJson_When_BenchingConcurrencyLevels()
    {
        CliRun run = CliRunner.Run([.. Concurrency, "--json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(GoldenMask.Json(run.Output), "Bench");
    }

    [Fact]
    public void Should_MatchTheGoldenTable_When_BenchingConcurrencyLevels()
    {
        CliRun run = CliRunner.Run(Concurrency);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(GoldenMask.Table(GoldenMask.Port(run.Output)), "Bench");
    }

    [Fact]
    public void Should_MatchTheGoldenJson_When_SearchingGoodputWithoutStreaming()
    {
        CliRun run = CliRunner.Run([.. Search, "--json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(GoldenMask.Json(run.Output), "Bench");
    }

    [Fact]
    public void Should_MatchTheGoldenTable_When_SearchingGoodputWithoutStreaming()
    {
        CliRun run = CliRunner.Run(Search);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify(GoldenMask.Table(GoldenMask.Port(run.Output)), "Bench");
    }

    [Fact]
    public void Should_MatchTheGoldenCsvAndSummary_When_WritingAnOutFolder()
    {
        string dir = _dir.File("out");
        CliRun run = CliRunner.Run([.. Concurrency, "--out", dir, "--json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        string csv = File.ReadAllText(Path.Combine(dir, "summary.csv"));
        string[] lines = csv.Split('\n');
        // The header is exact; in the rows the level, counts, errors and token source are exact, timing columns masked.
        string rows = string.Join('\n', lines.Skip(1).Select(l => string.Join(',', l.Split(',').Select((cell, i) => i is < 6 or 12 ? cell : cell.Length == 0 ? "" : "#"))));
        Golden.Verify(lines[0] + "\n" + rows, "Bench");
        GoldenMask.Json(File.ReadAllText(Path.Combine(dir, "summary.json"))).ShouldBe(GoldenMask.Json(run.Output));
    }
}
