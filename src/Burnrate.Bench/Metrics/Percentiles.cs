namespace Burnrate.Bench.Metrics;

/// <summary>Exact percentiles by linear interpolation between closest ranks (Hyndman &amp; Fan 1996 type 7; numpy.percentile's default, which vLLM's benchmark uses).</summary>
internal static class Percentiles
{
    /// <summary>Gets the <paramref name="p"/>-th percentile (0..100) of ascending <paramref name="sorted"/>.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        double h = (sorted.Count - 1) * p / 100.0;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
