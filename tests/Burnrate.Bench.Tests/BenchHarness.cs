using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Bench.Simulation;
using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Tests;

/// <summary>Starts a simulated server on 127.0.0.1:0 and runs bench against it, in-process.</summary>
internal static class BenchHarness
{
    public static async Task<(IReadOnlyList<LevelResult> Levels, SimulatedServer Server)> RunAsync(
        SimulatorOptions server, LoadSettings load, ClientOptions? client = null, int inputTokens = 16, int outputTokens = 8,
        RequestLog? log = null, CancellationToken cancellationToken = default)
    {
        SimulatedServer sim = await SimulatedServer.StartAsync(server, cancellationToken);
        ClientOptions options = (client ?? new ClientOptions { BaseUrl = sim.BaseUrl, Model = "sim" }) with { BaseUrl = sim.BaseUrl };
        int max = Math.Max(1, load.Concurrency.Count > 0 ? load.Concurrency.Max() : 64);
        using var http = new OpenAiClient(options with { MaxConnections = max });
        int count = (load.RequestBound ?? 200) + load.Warmup + 8;
        Workload workload = Workload.Synthetic(BenchTokenizer.O200k, LengthDistribution.Fixed(inputTokens), LengthDistribution.Fixed(outputTokens), Math.Min(count, 64), 7, 0, cancellationToken);
        var runner = new LoadRunner(http, workload, load, log);
        (IReadOnlyList<LevelResult> levels, _) = await runner.RunAsync(cancellationToken);
        return (levels, sim);
    }
}
