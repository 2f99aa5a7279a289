using BenchmarkDotNet.Attributes;
using Burnrate.Catalog;
using Burnrate.Planning;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Benchmarks.Planning;

/// <summary>
/// What one <c>POST /api/plan</c> computes, on one thread as the server runs it: examples/api-startup.yaml (36 months, two revenue
/// streams, a PERT, two correlations, two triggers) at 10,000 paths, each invocation with its own seed. The scenario read (YAML and
/// the cost-model derivations), the Monte Carlo alone, and the whole plan (presets, Monte Carlo, tornado).
/// </summary>
public class PlanRequestBenchmarks
{
    private const int Paths = 10_000;
    private string _yaml = "";
    private PlanScenario _scenario = null!;
    private ulong _seed = 1000;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        _yaml = File.ReadAllText(Path.Combine(dir!.FullName, "examples", "api-startup.yaml"));
        _scenario = Read();
    }

    [Benchmark]
    public PlanScenario Read() => ScenarioReader.Read(_yaml, "api-startup.yaml", new CostModelDeriver(BurnrateCatalog.Embedded));

    [Benchmark]
    public MonteCarloResult MonteCarloOneThread() => MonteCarlo.Run(_scenario, Paths, _seed++, maxDegreeOfParallelism: 1);

    [Benchmark]
    public PlanOutcome PlanOneThread() => PlanOutcome.Compute(_scenario, Paths, _seed++, maxDegreeOfParallelism: 1);
}
