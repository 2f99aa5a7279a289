using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// The Monte Carlo's per-path phases run on their own, one thread, for benchmarks and profiling: drawing each path's drivers,
/// projecting one path at a time (the scalar engine, also used for presets), and projecting four paths per vector.
/// <see cref="MonteCarlo"/> runs these phases plus the percentile passes; this type only times them.
/// </summary>
public sealed class MonteCarloPhases
{
    private readonly PlanScenario _scenario;
    private readonly DriverSampler _sampler;
    private readonly ScenarioArrays _arrays;
    private readonly PathInputs _input;
    private readonly PathTrace _trace;
    private readonly double[] _scratch;
    private readonly LaneProjection _lanes;
    private readonly PathInputs[] _laneInputs;
    private readonly PathBlock _block;

    /// <summary>Initializes a new instance of the <see cref="MonteCarloPhases"/> class: the scenario's arrays, one path's inputs
    /// and trace, and a block for the four-lane projection.</summary>
    /// <param name="scenario">The scenario.</param>
    public MonteCarloPhases(PlanScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _sampler = new DriverSampler(scenario);
        _arrays = new ScenarioArrays(scenario);
        _input = _sampler.NewInputs();
        _trace = new PathTrace(scenario.Months, scenario.Revenue.Count, scenario.Triggers.Count, scenario.Drivers.Count);
        _scratch = new double[scenario.Drivers.Count];
        _lanes = new LaneProjection(scenario, _arrays);
        _laneInputs = [.. Enumerable.Range(0, Lanes).Select(_ => _sampler.NewInputs())];
        _block = new PathBlock(3 * scenario.Months, scenario.Triggers.Count);
    }

    /// <summary>Gets the number of paths the vector projection runs together.</summary>
    public static int Lanes => LaneProjection.Lanes;

    /// <summary>Draws the drivers of paths 0 .. <paramref name="paths"/> − 1 with <paramref name="seed"/>, as the Monte Carlo does.</summary>
    /// <param name="paths">How many paths to draw.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The sum of each path's first once-per-path draw (so the work cannot be optimised away).</returns>
    public double Sample(int paths, ulong seed)
    {
        double sum = 0;
        for (int p = 0; p < paths; p++)
        {
            PathRandom rng = PathRandom.For(seed, p);
            _sampler.Fill(ref rng, _input, _scratch);
            sum += _input.Once.Length > 0 ? _input.Once[0] : 0;
        }

        return sum;
    }

    /// <summary>Projects the last drawn path <paramref name="paths"/> times with the scalar engine.</summary>
    /// <param name="paths">How many projections.</param>
    /// <returns>The sum of the last month's first series value.</returns>
    public double Project(int paths)
    {
        double sum = 0;
        for (int p = 0; p < paths; p++)
        {
            ProjectionEngine.Run(_scenario, _arrays, _input, _trace, null);
            sum += _trace.Rows[3 * (_scenario.Months - 1)];
        }

        return sum;
    }

    /// <summary>Projects <paramref name="paths"/> paths, <see cref="Lanes"/> per vector (where the scenario has no per-month draws).</summary>
    /// <param name="paths">How many paths.</param>
    /// <returns>The sum of the block's first value.</returns>
    public float ProjectLanes(int paths)
    {
        float sum = 0;
        for (int p = 0; p < paths; p += Lanes)
        {
            _lanes.Run(_laneInputs, _block, 0);
            sum += _block.Values[0];
        }

        return sum;
    }
}
