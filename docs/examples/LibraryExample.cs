using Burnrate.Bench;
using Burnrate.Bench.Simulation;
using Burnrate.Bench.Workloads;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Core.Inference;
using Burnrate.Core.Training;
using Burnrate.Planning;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Examples;
using Burnrate.Planning.Scenario;

namespace Burnrate.Examples;

/// <summary>Burnrate from C#: the four entry points the burnrate command itself calls.</summary>
public static class LibraryExample
{
    /// <summary>Serving cost: Llama 3.1 8B on one H100 at the catalog's cloud price, 32 requests in flight.</summary>
    public static InferReport Infer() => InferService.Run(BurnrateCatalog.Embedded, new InferRequest
    {
        Deployment = new DeploymentRequest { Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 1 },
        InputTokens = 1024,
        OutputTokens = 256,
        Concurrency = 32,
    });

    /// <summary>Training cost: Llama 3.1 8B on 1T tokens with 64 H100s.</summary>
    public static TrainReport Train() => TrainService.Run(BurnrateCatalog.Embedded, new TrainRequest
    {
        Model = "llama-3.1-8b",
        Tokens = 1e12,
        Gpu = "h100-sxm",
        Gpus = 64,
    });

    /// <summary>Cash burn: an embedded example scenario, its from: costs derived by the cost model, 2,000 Monte Carlo paths.</summary>
    public static PlanOutcome Plan()
    {
        ExampleScenario example = ExampleScenarios.Find("api-startup")!;
        PlanScenario scenario = ScenarioReader.Read(example.Yaml, example.Name + ".yaml", new CostModelDeriver(BurnrateCatalog.Embedded));
        return PlanOutcome.Compute(scenario, paths: 2_000, seed: 42);
    }

    /// <summary>Measurement: bench the built-in simulated server on 127.0.0.1 at concurrency 1 and 4.</summary>
    public static async Task<BenchResult> BenchAsync(CancellationToken cancellationToken = default)
    {
        var options = new SimulatorOptions { TtftSeconds = 0.02, ItlSeconds = 0.002 };
        await using SimulatedServer server = await SimulatedServer.StartAsync(options, cancellationToken);
        var request = new BenchRequest
        {
            Url = server.BaseUrl,
            Concurrency = [1, 4],
            Requests = 8,
            InputTokens = LengthDistribution.Fixed(64),
            OutputTokens = LengthDistribution.Fixed(16),
        };
        return await BenchSession.RunAsync(request, progress: null, cancellationToken);
    }
}
