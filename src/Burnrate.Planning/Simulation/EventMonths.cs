namespace Burnrate.Planning.Simulation;

/// <summary>When an event (cash-out, a trigger firing) happens across paths: its probability within the horizon and month percentiles.</summary>
/// <param name="Probability">The share of paths where it happens.</param>
/// <param name="P10">The month index by which 10% of paths had it, or null when fewer did.</param>
/// <param name="P50">The month index by which half of the paths had it, or null.</param>
/// <param name="P90">The month index by which 90% of paths had it, or null.</param>
/// <param name="CumulativeByMonth">The share of paths that had it by the end of each month.</param>
public sealed record EventMonths(double Probability, int? P10, int? P50, int? P90, double[] CumulativeByMonth);
