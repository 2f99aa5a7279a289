using System.Runtime.CompilerServices;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Runs a scenario over many random paths in parallel. Each path's random numbers come from (seed, path index) alone, so the result is
/// identical for any thread count. Per path it keeps only closing cash, revenue and net burn per month as 32-bit floats (12 bytes per
/// path-month: 72 MB at 100,000 × 60) to take exact percentiles by selection; P² or t-digest sketches would save memory but give
/// approximate, insertion-order-dependent percentiles. The per-path and per-row kernels are marked AggressiveOptimization: a run is one
/// call in a fresh CLI process, and tiered compilation would otherwise run its first ~100 ms of paths in unoptimized code.
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
        // Every element is written by exactly one block below, so skip zeroing 72 MB (at 100,000 × 60).
        float[] cash = GC.AllocateUninitializedArray<float>(months * paths);
        float[] revenue = GC.AllocateUninitializedArray<float>(months * paths);
        float[] netBurn = GC.AllocateUninitializedArray<float>(months * paths);
        var cashOut = new int[paths];
        var fired = new int[triggers * paths];
        var sampler = new DriverSampler(scenario);
        var arrays = new ScenarioArrays(scenario);
        int blocks = (paths + Block - 1) / Block;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, blocks, options, () => new Worker(sampler.NewInputs(), new PathTrace(months, scenario.Revenue.Count, triggers, scenario.Drivers.Count), new double[scenario.Drivers.Count], new float[3 * Block * months]), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (b, _, w) =>
        {
            int first = b * Block, end = Math.Min(paths, first + Block), count = end - first;
            for (int p = first; p < end; p++)
            {
                PathRandom rng = PathRandom.For(seed, p);
                sampler.Fill(ref rng, w.Input, w.Scratch);
                ProjectionEngine.Run(scenario, arrays, w.Input, w.Trace, null);
                // Buffer month-major within the block, then copy whole rows: writing each path's months straight into the
                // month-major arrays would touch a different page per month (a TLB miss per write).
                int k = p - first;
                double[] rows = w.Trace.Rows;
                for (int m = 0; m < months; m++)
                {
                    w.Buffer[(m * Block) + k] = (float)rows[3 * m];
                    w.Buffer[((months + m) * Block) + k] = (float)rows[(3 * m) + 1];
                    w.Buffer[(((2 * months) + m) * Block) + k] = (float)rows[(3 * m) + 2];
                }

                cashOut[p] = w.Trace.CashOutMonth;
                for (int t = 0; t < triggers; t++)
                {
                    fired[(t * paths) + p] = w.Trace.FirstFiring(t);
                }
            }

            for (int m = 0; m < months; m++)
            {
                w.Buffer.AsSpan(m * Block, count).CopyTo(cash.AsSpan((m * paths) + first));
                w.Buffer.AsSpan((months + m) * Block, count).CopyTo(revenue.AsSpan((m * paths) + first));
                w.Buffer.AsSpan(((2 * months) + m) * Block, count).CopyTo(netBurn.AsSpan((m * paths) + first));
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
            Triggers = scenario.Triggers.Select((t, i) => new TriggerOutcome(t.Name, Events(fired.AsSpan(i * paths, paths), months))).ToList(),
        };
    }

    private static PercentileBands Bands(float[] values, int months, int paths, ParallelOptions options)
    {
        var rows = new double[months][];
        Parallel.For(0, months, options, m => rows[m] = Percentiles.Of(values.AsSpan(m * paths, paths), PercentileBands.Levels));
        double[] Column(int i) => rows.Select(r => r[i]).ToArray();
        return new PercentileBands(Column(0), Column(1), Column(2), Column(3), Column(4));
    }

    private sealed record Worker(PathInputs Input, PathTrace Trace, double[] Scratch, float[] Buffer);

    /// <summary>Summarizes first-event months (-1 = never) by counting paths per month: O(paths), no sort.</summary>
    internal static EventMonths Events(ReadOnlySpan<int> firstMonth, int months)
    {
        var byMonth = new int[months];
        foreach (int m in firstMonth)
        {
            if (m >= 0)
            {
                byMonth[m]++;
            }
        }

        int paths = firstMonth.Length, happened = 0;
        var cumulative = new double[months];
        var reached = new int[months]; // paths with the event by the end of each month
        for (int m = 0; m < months; m++)
        {
            happened += byMonth[m];
            reached[m] = happened;
            cumulative[m] = (double)happened / paths;
        }

        return new EventMonths((double)happened / paths, Percentiles.EventMonth(reached, paths, 0.10), Percentiles.EventMonth(reached, paths, 0.50), Percentiles.EventMonth(reached, paths, 0.90), cumulative);
    }
}
