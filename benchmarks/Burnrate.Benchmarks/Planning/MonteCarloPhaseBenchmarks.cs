using BenchmarkDotNet.Attributes;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Benchmarks.Planning;

/// <summary>
/// The Monte Carlo's per-path work on one thread, 100,000 paths of the example scenario each: drawing every path's drivers, and
/// projecting 60 months per path one path at a time (the scalar engine, also used for presets) or four paths per vector.
/// </summary>
public class MonteCarloPhaseBenchmarks
{
    private const int Paths = 100_000;
    private PlanScenario _scenario = null!;
    private DriverSampler _sampler = null!;
    private ScenarioArrays _arrays = null!;
    private PathInputs _input = null!;
    private PathTrace _trace = null!;
    private double[] _scratch = null!;
    private LaneProjection _lanes = null!;
    private PathInputs[] _fourInputs = null!;
    private PathBlock _block = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = MonteCarloBenchmarks.ReadExample();
        _sampler = new DriverSampler(_scenario);
        _arrays = new ScenarioArrays(_scenario);
        _input = _sampler.NewInputs();
        _trace = new PathTrace(_scenario.Months, _scenario.Revenue.Count, _scenario.Triggers.Count, _scenario.Drivers.Count);
        _scratch = new double[_scenario.Drivers.Count];
        _lanes = new LaneProjection(_scenario, _arrays);
        _fourInputs = [.. Enumerable.Range(0, LaneProjection.Lanes).Select(_ => _sampler.NewInputs())];
        _block = new PathBlock(3 * _scenario.Months, _scenario.Triggers.Count);
    }

    [Benchmark]
    public double Sampling()
    {
        double sum = 0;
        for (int p = 0; p < Paths; p++)
        {
            PathRandom rng = PathRandom.For(42, p);
            _sampler.Fill(ref rng, _input, _scratch);
            sum += _input.Once[0];
        }

        return sum;
    }

    [Benchmark]
    public double Projection()
    {
        double sum = 0;
        for (int p = 0; p < Paths; p++)
        {
            ProjectionEngine.Run(_scenario, _arrays, _input, _trace, null);
            sum += _trace.Rows[3 * (_scenario.Months - 1)];
        }

        return sum;
    }

    [Benchmark]
    public float ProjectionFourLanes()
    {
        float sum = 0;
        for (int p = 0; p < Paths; p += LaneProjection.Lanes)
        {
            _lanes.Run(_fourInputs, _block, 0);
            sum += _block.Values[0];
        }

        return sum;
    }
}
