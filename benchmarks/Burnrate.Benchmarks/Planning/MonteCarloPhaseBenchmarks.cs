using BenchmarkDotNet.Attributes;
using Burnrate.Planning.Simulation;

namespace Burnrate.Benchmarks.Planning;

/// <summary>
/// The Monte Carlo's per-path work on one thread, 100,000 paths of the example scenario each: drawing every path's drivers, and
/// projecting 60 months per path one path at a time (the scalar engine, also used for presets) or four paths per vector.
/// Runs through Planning's public <see cref="MonteCarloPhases"/> entry point.
/// </summary>
public class MonteCarloPhaseBenchmarks
{
    private const int Paths = 100_000;
    private MonteCarloPhases _phases = null!;

    [GlobalSetup]
    public void Setup()
    {
        _phases = new MonteCarloPhases(MonteCarloBenchmarks.ReadExample());
        _phases.Sample(1, 42);
    }

    [Benchmark]
    public double Sampling() => _phases.Sample(Paths, 42);

    [Benchmark]
    public double Projection() => _phases.Project(Paths);

    [Benchmark]
    public float ProjectionFourLanes() => _phases.ProjectLanes(Paths);
}
