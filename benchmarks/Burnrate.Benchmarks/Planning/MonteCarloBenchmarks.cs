using BenchmarkDotNet.Attributes;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Benchmarks.Planning;

/// <summary>The example scenario (examples/example-ai-api.yaml): 100,000 paths × 60 months, one thread vs all cores.</summary>
public class MonteCarloBenchmarks
{
    private PlanScenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = ReadExample();

    [Benchmark(Baseline = true)]
    public MonteCarloResult OneThread() => MonteCarlo.Run(_scenario, 100_000, 42, maxDegreeOfParallelism: 1);

    [Benchmark]
    public MonteCarloResult AllCores() => MonteCarlo.Run(_scenario, 100_000, 42);

    internal static PlanScenario ReadExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return ScenarioReader.ReadFile(Path.Combine(dir!.FullName, "examples", "example-ai-api.yaml"));
    }
}
