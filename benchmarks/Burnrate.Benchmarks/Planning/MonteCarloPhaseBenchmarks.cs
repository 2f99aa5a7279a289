using BenchmarkDotNet.Attributes;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Benchmarks.Planning;

/// <summary>
/// The Monte Carlo's phases on one thread, 100,000 paths of the example scenario each: drawing every path's drivers, projecting
/// 60 months per path, and the percentiles of one month (one 100,000-float row; a run takes 180 such rows).
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
    private float[] _row = null!;
    private float[] _work = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = MonteCarloBenchmarks.ReadExample();
        _sampler = new DriverSampler(_scenario);
        _arrays = new ScenarioArrays(_scenario);
        _input = _sampler.NewInputs();
        _trace = new PathTrace(_scenario.Months, _scenario.Revenue.Count, _scenario.Triggers.Count, _scenario.Drivers.Count);
        _scratch = new double[_scenario.Drivers.Count];

        // A realistic row: closing cash of month 30 over every path.
        _row = new float[Paths];
        for (int p = 0; p < Paths; p++)
        {
            PathRandom rng = PathRandom.For(42, p);
            _sampler.Fill(ref rng, _input, _scratch);
            ProjectionEngine.Run(_scenario, _arrays, _input, _trace, null);
            _row[p] = (float)_trace.Cash(30);
        }

        _work = new float[Paths];
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
            sum += _trace.Cash(_scenario.Months - 1);
        }

        return sum;
    }

    [Benchmark]
    public double[] PercentilesOfOneMonth()
    {
        _row.CopyTo(_work, 0);
        return Percentiles.Of(_work, PercentileBands.Levels);
    }
}
