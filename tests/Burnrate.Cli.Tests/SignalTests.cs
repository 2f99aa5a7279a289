using System.Diagnostics;
using System.Text.Json;
using Burnrate.Bench.Simulation;

namespace Burnrate.Cli.Tests;

/// <summary>
/// Ctrl-C and SIGTERM against the built CLI in a child process (the burnrate.dll beside the tests), bounded: each wait
/// gives up after 60 s and kills the child. POSIX only (signals sent with kill(1)), as CI is.
/// </summary>
public sealed class SignalTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _dir = new("burnrate-signal-");
    private SimulatedServer? _server;

    public async Task InitializeAsync() => _server = await SimulatedServer.StartAsync(new SimulatorOptions { TtftSeconds = 0.05, ItlSeconds = 0.05 });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Should_WriteTheSummaryAndExitWithTheSignalCode_When_BenchIsInterrupted(string signal, int expected)
    {
        // Given: 400 requests of about 0.5 s each at concurrency 4 (about 50 s); stop once a few have finished
        string outDir = _dir.File("run-" + signal);
        using Process bench = Start("bench", "--url", _server!.BaseUrl.ToString(), "--model", "m", "--concurrency", "4", "--requests", "400", "--input-tokens", "8", "--output-tokens", "10", "--out", outDir, "--json");
        string log = Path.Combine(outDir, "requests.jsonl");
        await WaitUntil(() => File.Exists(log) && File.ReadAllLines(log).Length >= 4, bench);

        // When
        Kill(bench, signal);
        string output = await bench.StandardOutput.ReadToEndAsync();
        await WaitForExit(bench);

        // Then: the signal's exit code, a summary of what was measured with the in-flight requests as cancelled, and it agrees with the log
        bench.ExitCode.ShouldBe(expected);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        summary.RootElement.GetProperty("interrupted").GetBoolean().ShouldBeTrue();
        JsonElement level = summary.RootElement.GetProperty("levels")[0];
        level.GetProperty("completed").GetInt32().ShouldBeGreaterThanOrEqualTo(4);
        level.GetProperty("errorsByKind").GetProperty("cancelled").GetInt32().ShouldBeInRange(1, 4);
        level.GetProperty("sent").GetInt32().ShouldBe(File.ReadAllLines(log).Length);
        level.GetProperty("sent").GetInt32().ShouldBeLessThan(400);
        File.Exists(Path.Combine(outDir, "summary.csv")).ShouldBeTrue();
        File.Exists(Path.Combine(outDir, "report.html")).ShouldBeTrue();
        JsonDocument.Parse(output).RootElement.GetProperty("interrupted").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Should_StopServing_When_TheSimulatorGetsASignal(string signal, int expected)
    {
        // Given
        using Process sim = Start("simulate", "serve", "--json");
        string? first = await sim.StandardOutput.ReadLineAsync();
        first.ShouldNotBeNull().ShouldContain("http://127.0.0.1:");

        // When
        Kill(sim, signal);
        await WaitForExit(sim);

        // Then
        sim.ExitCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Should_StopServingSaySoAndExitWithTheSignalCode_When_TheDashboardServerGetsASignal(string signal, int expected)
    {
        // Given: the dashboard serving on a free loopback port, answering
        using Process serve = Start("serve", "--port", "0");
        string? first = await serve.StandardOutput.ReadLineAsync();
        first.ShouldNotBeNull().ShouldContain("Burnrate dashboard on http://127.0.0.1:");
        string url = first.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            (await http.GetAsync(new Uri(new Uri(url), "api/catalog/gpus"))).IsSuccessStatusCode.ShouldBeTrue();
        }

        // When
        Kill(serve, signal);
        string rest = await serve.StandardOutput.ReadToEndAsync();
        await WaitForExit(serve);

        // Then: a graceful stop, said on the way out, with the exit code simulate serve, bench and fleet give for the signal
        serve.ExitCode.ShouldBe(expected);
        rest.ShouldContain("Stopped.");
    }

    [Fact]
    public async Task Should_ExitAtOnce_When_ASecondCtrlCComesWhileStopping()
    {
        // Given: the simulator streaming a 2,000-token answer at 50 ms a token (100 s); a first Ctrl-C starts a graceful stop
        // that waits up to 5 s for that stream to finish
        using Process sim = Start("simulate", "serve", "--json", "--ttft", "0s", "--itl", "50ms");
        string? first = await sim.StandardOutput.ReadLineAsync();
        first.ShouldNotBeNull().ShouldContain("http://127.0.0.1:");
        string url = JsonDocument.Parse(first).RootElement.GetProperty("url").GetString()!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url.TrimEnd('/') + "/chat/completions")
        {
            Content = new StringContent("""{"model":"m","stream":true,"max_tokens":2000,"ignore_eos":true,"messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using HttpResponseMessage streaming = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using Stream body = await streaming.Content.ReadAsStreamAsync();
        (await body.ReadAsync(new byte[256])).ShouldBeGreaterThan(0); // tokens are flowing
        Kill(sim, "INT");
        await Task.Delay(500);
        sim.HasExited.ShouldBeFalse("the first Ctrl-C should wait for the open stream (up to 5 s), which is what a second one cuts short");

        // When
        var clock = Stopwatch.StartNew();
        Kill(sim, "INT");
        await WaitForExit(sim);

        // Then: well before the 5 s the graceful stop would have waited, by the signal (128 + 2)
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        sim.ExitCode.ShouldBe(130);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Should_InterruptTheSolveAndWriteNothing_When_FleetGetsASignal(string signal, int expected)
    {
        // Given: two accelerators with held units each (the direct per-slot program), 36 months, proved to optimality with a
        // 10-minute limit: minutes of branch and bound; let the solve get going
        string fleet = _dir.Write("hard-fleet.yaml", HardFleet);
        using Process solve = Start("fleet", fleet, "--gap-percent", "0", "--time-limit-seconds", "600", "--json");
        var errors = new System.Text.StringBuilder();
        solve.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        await Task.Delay(TimeSpan.FromSeconds(8));
        solve.HasExited.ShouldBeFalse("the solve ended before the signal; the instance is too easy to show an interruption");

        // When
        var clock = Stopwatch.StartNew();
        Kill(solve, signal);
        Task<string> output = solve.StandardOutput.ReadToEndAsync();
        await WaitForExit(solve);

        // Then: out well before the 10-minute limit (SCIP checks the interrupt between nodes and in most heuristics; up to ~15 s
        // was seen under load), the signal's code, the stop said on stderr, nothing on stdout
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(45));
        solve.ExitCode.ShouldBe(expected);
        (await output).ShouldBeEmpty();
        lock (errors)
        {
            errors.ToString().ShouldContain("fleet: stopping the solve; nothing is written");
        }
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Should_StopTheSearchAndWriteNothing_When_OptimizeGetsASignal(string signal, int expected)
    {
        // Given: a search of hours (every catalog model, up to 2^20 devices in every split of 64 replica counts, 256 concurrencies,
        // SLOs nothing fails) that would write its files to --out; let it get going
        string outDir = _dir.File("optimize-" + signal);
        string[] models = ["deepseek-v3", "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b", "mixtral-8x22b", "mixtral-8x7b", "qwen2.5-72b", "qwen2.5-7b"];
        using Process search = Start([
            "optimize", .. models, "--max-devices", "1048576", "--replicas", string.Join(",", Enumerable.Range(1, 64)),
            "--concurrency", string.Join(",", Enumerable.Range(1, 256)), "--slo-ttft", "100000s", "--slo-tpot", "100000s", "--out", outDir, "--json"]);
        var errors = new System.Text.StringBuilder();
        search.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        await Task.Delay(TimeSpan.FromSeconds(5));
        search.HasExited.ShouldBeFalse("the search ended before the signal; it is too small to show an interruption");

        // When
        var clock = Stopwatch.StartNew();
        Kill(search, signal);
        Task<string> output = search.StandardOutput.ReadToEndAsync();
        await WaitForExit(search);

        // Then: out within seconds (the search stops between layouts), the signal's code, the stop said, nothing printed or written
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        search.ExitCode.ShouldBe(expected);
        (await output).ShouldBeEmpty();
        Directory.Exists(outDir).ShouldBeFalse();
        lock (errors)
        {
            errors.ToString().ShouldContain("optimize: stopping the search; nothing is written");
        }
    }

    private const string HardFleet = """
        name: hard
        horizon: {start: 2027-01, months: 36}
        demand:
          tokensPerSecond: 20000
          daily: [1.0, 0.93, 0.88, 0.85, 0.87, 0.95, 1.1, 1.35, 1.7, 2.05, 2.3, 2.45, 2.55, 2.6, 2.62, 2.58, 2.5, 2.4, 2.25, 2.0, 1.75, 1.5, 1.3, 1.12]
          monthlyGrowth: 0.06
        serving:
          - {name: h100, capacityTokensPerSecond: 2400}
          - {name: h200, capacityTokensPerSecond: 3600}
        headroom: 0.2
        options:
          - {name: owned-h100, kind: owned, serving: h100, fixedUsdPerMonth: 1500, leadTimeMonths: 3}
          - {name: reserved-h200, kind: reserved, serving: h200, usdPerUnitHour: 3.1, termMonths: 12}
          - {name: on-demand-h200, kind: on-demand, serving: h200, usdPerUnitHour: 4.5}
          - {name: spot-h100, kind: spot, serving: h100, usdPerUnitHour: 2.4, interruptionsPerHour: 0.05, restartMinutes: 10, maxUnits: 40}
          - {name: api, kind: api, usdPerMillionTokens: 0.6}
        """;

    private static Process Start(params string[] args) => ChildCli.Start(null, args);

    private static void Kill(Process process, string signal) => ChildCli.Signal(process, signal);

    private static async Task WaitUntil(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the child did not get going within 60 s (or exited early)");
            }

            await Task.Delay(50);
        }
    }

    private static Task WaitForExit(Process process) => ChildCli.WaitForExit(process);
}
