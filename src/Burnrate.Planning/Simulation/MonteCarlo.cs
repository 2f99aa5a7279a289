using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// Runs a scenario over many random paths in parallel. Each path's random numbers come from (seed, path index) alone, so the result is
/// identical for any thread count, and no path is kept: percentile bands are exact order statistics (type 7, numpy's default) of each
/// month's closing cash, revenue and net burn as 32-bit floats, found by a first pass that counts values by key bucket and later
/// passes that regenerate the paths to collect only the few values near each wanted rank (<see cref="RankSearch"/>). Memory is bounded
/// by the number of series and ranks, not paths; a run is usually two passes. The per-path kernels are marked AggressiveOptimization:
/// a run is one call in a fresh CLI process, and tiered compilation would otherwise run its first ~100 ms of paths unoptimized.
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
        Run(scenario, paths, seed, maxDegreeOfParallelism, RankSearch.DefaultCap, null, cancellationToken);

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
        Run(scenario, paths, seed, maxDegreeOfParallelism, RankSearch.DefaultCap, progress, cancellationToken);

    /// <summary>Runs with a given cap on the values one percentile interval collects (tests lower it to exercise narrowing passes).</summary>
    internal static MonteCarloResult Run(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism, int collectCap, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        int months = scenario.Months, triggers = scenario.Triggers.Count;
        var runner = new PathRunner(scenario, seed, paths, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, progress);
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

        long[] ranks = PercentileBands.Levels.SelectMany(p => Bracket(paths, p)).Distinct().Order().ToArray();
        var search = new RankSearch(first.Histograms, ranks, collectCap);
        while (!search.Done)
        {
            runner.Run(search.NewSink, search.Merge);
            search.EndPass();
        }

        return new MonteCarloResult
        {
            Paths = paths,
            Seed = seed,
            Cash = Bands(search, ranks, months, paths, 0),
            Revenue = Bands(search, ranks, months, paths, 1),
            NetBurn = Bands(search, ranks, months, paths, 2),
            CashOut = EventsByMonth(first.CashOutByMonth, paths),
            Triggers = scenario.Triggers.Select((t, i) => new TriggerOutcome(t.Name, EventsByMonth(first.FiringByMonth[(i * months)..((i + 1) * months)], paths))).ToList(),
        };
    }

    /// <summary>Gets the two order statistics type-7 interpolation needs for level p of n values: ⌊(n − 1)p⌋ and the next (capped).</summary>
    private static long[] Bracket(long n, double p)
    {
        long lo = (long)Math.Floor((n - 1) * p);
        return [lo, Math.Min(lo + 1, n - 1)];
    }

    /// <summary>Builds one figure's bands (series 3m + figure) from the order statistics found: low + (h − ⌊h⌋)(high − low), h = (n − 1)p.</summary>
    private static PercentileBands Bands(RankSearch search, long[] ranks, int months, long n, int figure)
    {
        double[] Level(double p)
        {
            var values = new double[months];
            long lo = (long)Math.Floor((n - 1) * p);
            int i = Array.BinarySearch(ranks, lo), k = Array.BinarySearch(ranks, Math.Min(lo + 1, n - 1));
            for (int m = 0; m < months; m++)
            {
                double low = search.Value((3 * m) + figure, i), high = search.Value((3 * m) + figure, k);
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
