using System.Buffers;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Runs a scenario over many random paths in parallel. Each path's random numbers come from (seed, path index) alone, so the result is
/// identical for any thread count. Percentile bands are exact order statistics (type 7, numpy's default) of each month's closing cash,
/// revenue and net burn as 32-bit floats. When those figures fit in 64 MB (10,000 paths of 36 months take 4.3 MB) one pass keeps them and
/// a radix selection finds each rank (<see cref="KeySelection"/>); larger runs keep no path: a first pass counts values by key bucket and
/// later passes regenerate the paths to collect only the few values near each wanted rank (<see cref="RankSearch"/>), so memory is bounded
/// by the number of series and ranks, not paths. Both ways find the same values, bit for bit. The per-path kernels are marked
/// AggressiveOptimization: a run is one call in a fresh CLI process, and tiered compilation would otherwise run its first ~100 ms of
/// paths unoptimized.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Runs <paramref name="paths"/> paths.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="paths">The number of paths (≥ 1).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use, or -1 for all cores.</param>
    /// <param name="cancellationToken">Stops the run between blocks of paths (the web API cancels when the client goes away).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static MonteCarloResult Run(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) =>
        Run(scenario, paths, seed, maxDegreeOfParallelism, RankSearch.DefaultCap, KeptBytes, null, cancellationToken);

    /// <summary>Runs <paramref name="paths"/> paths and reports how far the run is.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="paths">The number of paths (≥ 1).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use, or -1 for all cores.</param>
    /// <param name="progress">Told the pass and the paths done after each block of paths, from worker threads; null for none.
    /// It never changes the result.</param>
    /// <param name="cancellationToken">Stops the run between blocks of paths.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static MonteCarloResult Run(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken = default) =>
        Run(scenario, paths, seed, maxDegreeOfParallelism, RankSearch.DefaultCap, KeptBytes, progress, cancellationToken);

    /// <summary>The most bytes of figures (3 × months × paths keys of 4 bytes) a run keeps in memory; larger runs stream.</summary>
    internal const long KeptBytes = 64L << 20;

    /// <summary>Runs without keeping the paths' figures (however few), finding the bands by histograms and refining passes with a given
    /// cap on the values one percentile interval collects (tests lower it to exercise narrowing passes).</summary>
    internal static MonteCarloResult Run(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism, int collectCap, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Run(scenario, paths, seed, maxDegreeOfParallelism, collectCap, keptBytes: 0, progress, cancellationToken);

    /// <summary>
    /// Runs, keeping the figures when they take at most <paramref name="keptBytes"/> (one pass, then radix selection over them), else
    /// streaming (a first pass of histograms, then passes that regenerate the paths to collect the values near each rank). Both find
    /// the same order statistics, bit for bit.
    /// </summary>
    internal static MonteCarloResult Run(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism, int collectCap, long keptBytes, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        int months = scenario.Months, triggers = scenario.Triggers.Count;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var runner = new PathRunner(scenario, seed, paths, options, progress);
        long[] ranks = PercentileBands.Levels.SelectMany(p => Bracket(paths, p)).Distinct().Order().ToArray();
        (float[][] found, EventCounts events) = (long)paths * 3 * months * sizeof(uint) <= keptBytes
            ? Kept(runner, options, paths, months, triggers, ranks)
            : Streamed(runner, paths, months, triggers, ranks, collectCap);

        return new MonteCarloResult
        {
            Paths = paths,
            Seed = seed,
            Cash = Bands(found, ranks, months, paths, 0),
            Revenue = Bands(found, ranks, months, paths, 1),
            NetBurn = Bands(found, ranks, months, paths, 2),
            CashOut = EventsByMonth(events.CashOutByMonth, paths),
            Triggers = scenario.Triggers.Select((t, i) => new TriggerOutcome(t.Name, EventsByMonth(events.FiringByMonth[(i * months)..((i + 1) * months)], paths))).ToList(),
        };
    }

    /// <summary>One pass keeping every figure as a key, then each series' ranks selected in memory (series in parallel).</summary>
    private static (float[][] Found, EventCounts Events) Kept(PathRunner runner, ParallelOptions options, int paths, int months, int triggers, long[] ranks)
    {
        int series = 3 * months;

        // Pooled: a run's keys are megabytes, and a fresh large array per run would cost a full garbage collection per run.
        uint[] keys = ArrayPool<uint>.Shared.Rent(series * paths); // elements 0 .. series × paths − 1 are all written by the pass
        try
        {
            var events = new EventCounts(months, triggers);
            runner.Run(() => new KeptPass(keys, paths, months, triggers), sink => events.Merge(sink.Events));
            var found = new float[series][];
            Parallel.For(0, series, options, () => new KeySelection(paths), (j, _, selection) =>
            {
                Span<uint> at = stackalloc uint[ranks.Length];
                selection.Select(keys.AsSpan(j * paths, paths), ranks, at);
                var values = new float[ranks.Length];
                for (int r = 0; r < values.Length; r++)
                {
                    values[r] = FloatKey.ToFloat(at[r]);
                }

                found[j] = values;
                return selection;
            }, _ => { });
            return (found, events);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(keys);
        }
    }

    /// <summary>A first pass of key histograms, then refining passes that regenerate the paths until every rank is found.</summary>
    private static (float[][] Found, EventCounts Events) Streamed(PathRunner runner, int paths, int months, int triggers, long[] ranks, int collectCap)
    {
        // All workers' histograms together stay within 64 MB (16 MB each at most): more cores or a longer horizon, narrower windows.
        long histogramBytes = Math.Clamp((64L << 20) / runner.Workers, 1L << 20, 16L << 20);
        FirstPass? merged = null;
        runner.Run(() => new FirstPass(months, triggers, histogramBytes), sink =>
        {
            // The first worker done becomes the total: counts add up the same in any order.
            if (merged is null)
            {
                merged = sink;
            }
            else
            {
                merged.Merge(sink);
            }
        });
        FirstPass first = merged!;

        var search = new RankSearch(first.Histograms, ranks, collectCap);
        while (!search.Done)
        {
            runner.Run(search.NewSink, search.Merge);
            search.EndPass();
        }

        float[][] found = Enumerable.Range(0, 3 * months).Select(j => Enumerable.Range(0, ranks.Length).Select(r => search.Value(j, r)).ToArray()).ToArray();
        return (found, first.Events);
    }

    /// <summary>Gets the two order statistics type-7 interpolation needs for level p of n values: ⌊(n − 1)p⌋ and the next (capped).</summary>
    private static long[] Bracket(long n, double p)
    {
        long lo = (long)Math.Floor((n - 1) * p);
        return [lo, Math.Min(lo + 1, n - 1)];
    }

    /// <summary>Builds one figure's bands (series 3m + figure) from the order statistics found: low + (h − ⌊h⌋)(high − low), h = (n − 1)p.</summary>
    private static PercentileBands Bands(float[][] found, long[] ranks, int months, long n, int figure)
    {
        double[] Level(double p)
        {
            var values = new double[months];
            long lo = (long)Math.Floor((n - 1) * p);
            int i = Array.BinarySearch(ranks, lo), k = Array.BinarySearch(ranks, Math.Min(lo + 1, n - 1));
            for (int m = 0; m < months; m++)
            {
                double low = found[(3 * m) + figure][i], high = found[(3 * m) + figure][k];
                values[m] = low + ((((n - 1) * p) - lo) * (high - low));
            }

            return values;
        }

        IReadOnlyList<double> levels = PercentileBands.Levels;
        return new PercentileBands(Level(levels[0]), Level(levels[1]), Level(levels[2]), Level(levels[3]), Level(levels[4]));
    }

    /// <summary>Summarizes first-event months per path (-1 = never) by counting paths per month.</summary>
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

        return EventsByMonth(byMonth, firstMonth.Length);
    }

    /// <summary>Summarizes how many of <paramref name="paths"/> paths first had an event in each month.</summary>
    internal static EventMonths EventsByMonth(int[] byMonth, int paths)
    {
        int months = byMonth.Length, happened = 0;
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
