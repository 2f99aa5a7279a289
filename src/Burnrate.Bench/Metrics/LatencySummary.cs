using System.Text.Json.Serialization;

namespace Burnrate.Bench.Metrics;

/// <summary>Distribution of one latency in seconds: exact percentiles over all samples (linear interpolation, numpy's default).</summary>
public sealed record LatencySummary
{
    /// <summary>No samples.</summary>
    public static readonly LatencySummary Empty = new();

    /// <summary>Gets the number of samples.</summary>
    public int Count { get; init; }

    /// <summary>Gets the smallest sample in seconds.</summary>
    public double? Min { get; init; }

    /// <summary>Gets the median in seconds.</summary>
    public double? P50 { get; init; }

    /// <summary>Gets the 90th percentile in seconds.</summary>
    public double? P90 { get; init; }

    /// <summary>Gets the 95th percentile in seconds.</summary>
    public double? P95 { get; init; }

    /// <summary>Gets the 99th percentile in seconds.</summary>
    public double? P99 { get; init; }

    /// <summary>Gets the 99.9th percentile in seconds.</summary>
    [JsonPropertyName("p999")]
    public double? P999 { get; init; }

    /// <summary>Gets the largest sample in seconds.</summary>
    public double? Max { get; init; }

    /// <summary>Gets the mean in seconds.</summary>
    public double? Mean { get; init; }

    /// <summary>Gets the sample standard deviation in seconds.</summary>
    public double? Stddev { get; init; }

    /// <summary>Summarizes <paramref name="samples"/> (sorted in place).</summary>
    public static LatencySummary Of(List<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return Empty;
        }

        samples.Sort();
        double mean = 0;
        foreach (double x in samples)
        {
            mean += x;
        }

        mean /= samples.Count;
        double ss = 0;
        foreach (double x in samples)
        {
            ss += (x - mean) * (x - mean);
        }

        return new LatencySummary
        {
            Count = samples.Count,
            Min = samples[0],
            P50 = Percentiles.OfSorted(samples, 50),
            P90 = Percentiles.OfSorted(samples, 90),
            P95 = Percentiles.OfSorted(samples, 95),
            P99 = Percentiles.OfSorted(samples, 99),
            P999 = Percentiles.OfSorted(samples, 99.9),
            Max = samples[^1],
            Mean = mean,
            Stddev = samples.Count > 1 ? Math.Sqrt(ss / (samples.Count - 1)) : 0,
        };
    }
}
