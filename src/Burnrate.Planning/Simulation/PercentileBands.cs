namespace Burnrate.Planning.Simulation;

/// <summary>Per-month percentiles over Monte Carlo paths (USD).</summary>
/// <param name="P5">5th percentile per month.</param>
/// <param name="P10">10th percentile per month.</param>
/// <param name="P50">Median per month.</param>
/// <param name="P90">90th percentile per month.</param>
/// <param name="P95">95th percentile per month.</param>
public sealed record PercentileBands(double[] P5, double[] P10, double[] P50, double[] P90, double[] P95)
{
    /// <summary>Gets the percentile levels, in order.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.05, 0.10, 0.50, 0.90, 0.95];
}
