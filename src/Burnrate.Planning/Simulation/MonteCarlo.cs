using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Runs a scenario over many random paths in parallel. Each path's random numbers come from (seed, path index) alone, so the result is
/// identical for any thread count. Per path it keeps only closing cash, revenue and net burn per month as 32-bit floats (12 bytes per
/// path-month: 72 MB at 100,000 × 60) to take exact percentiles by selection; P² or t-digest sketches would save memory but give
/// approximate, insertion-order-dependent percentiles.
/// </summary>
public static class MonteCarlo
{
    private const int Block = 512;

    /// <summary>Runs <paramref name="paths"/> paths.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="paths">The number of paths (≥ 1).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use, or -1 for all cores.</param>
    /// <returns>The summary.</returns>
    public static MonteCarloResult Run(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        int months = scenario.Months, triggers = scenario.Triggers.Count;
        var cash = new float[months * paths];
        var revenue = new float[months * paths];
        var netBurn = new float[months * paths];
        var cashOut = new int[paths];
        var fired = new int[triggers * paths];
        var sampler = new DriverSampler(scenario);
        var arrays = new ScenarioArrays(scenario);
        int blocks = (paths + Block - 1) / Block;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, blocks, options, () => (Input: sampler.NewInputs(), Trace: new PathTrace(months, triggers), Scratch: new double[scenario.Drivers.Count]), (b, _, w) =>
        {
            int end = Math.Min(paths, (b + 1) * Block);
            for (int p = b * Block; p < end; p++)
            {
                PathRandom rng = PathRandom.For(seed, p);
                sampler.Fill(ref rng, w.Input, w.Scratch);
                ProjectionEngine.Run(scenario, arrays, w.Input, w.Trace, null);
                for (int m = 0; m < months; m++)
                {
                    cash[(m * paths) + p] = (float)w.Trace.Cash[m];
                    revenue[(m * paths) + p] = (float)w.Trace.Revenue[m];
                    netBurn[(m * paths) + p] = (float)w.Trace.NetBurn[m];
                }

                cashOut[p] = w.Trace.CashOutMonth;
                for (int t = 0; t < triggers; t++)
                {
                    fired[(t * paths) + p] = w.Trace.FirstFiring[t];
                }
            }

            return w;
        }, _ => { });

        return new MonteCarloResult
        {
            Paths = paths,
            Seed = seed,
            Cash = Bands(cash, months, paths, options),
            Revenue = Bands(revenue, months, paths, options),
            NetBurn = Bands(netBurn, months, paths, options),
            CashOut = Events(cashOut, months),
            Triggers = scenario.Triggers.Select((t, i) => new TriggerOutcome(t.Name, Events(fired.AsSpan(i * paths, paths).ToArray(), months))).ToList(),
        };
    }

    private static PercentileBands Bands(float[] values, int months, int paths, ParallelOptions options)
    {
        var rows = new double[months][];
        Parallel.For(0, months, options, m => rows[m] = Percentiles.Of(values.AsSpan(m * paths, paths), PercentileBands.Levels));
        double[] Column(int i) => rows.Select(r => r[i]).ToArray();
        return new PercentileBands(Column(0), Column(1), Column(2), Column(3), Column(4));
    }

    internal static EventMonths Events(int[] firstMonth, int months)
    {
        int[] happened = firstMonth.Where(m => m >= 0).Order().ToArray();
        int paths = firstMonth.Length;
        var cumulative = new double[months];
        int k = 0;
        for (int m = 0; m < months; m++)
        {
            while (k < happened.Length && happened[k] <= m)
            {
                k++;
            }

            cumulative[m] = (double)k / paths;
        }

        return new EventMonths((double)happened.Length / paths,
            Percentiles.EventMonth(happened, paths, 0.10), Percentiles.EventMonth(happened, paths, 0.50), Percentiles.EventMonth(happened, paths, 0.90), cumulative);
    }
}
