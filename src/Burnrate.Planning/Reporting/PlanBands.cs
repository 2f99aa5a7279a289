namespace Burnrate.Planning.Reporting;

/// <summary>Month-by-month Monte Carlo percentiles of one series, in USD.</summary>
/// <param name="P5">The 5th percentile per month.</param>
/// <param name="P10">The 10th percentile per month.</param>
/// <param name="P50">The median per month.</param>
/// <param name="P90">The 90th percentile per month.</param>
/// <param name="P95">The 95th percentile per month.</param>
public sealed record PlanBands(double[] P5, double[] P10, double[] P50, double[] P90, double[] P95);
