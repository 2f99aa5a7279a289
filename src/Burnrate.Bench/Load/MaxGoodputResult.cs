using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Load;

/// <summary>The outcome of the goodput search: the highest rate probed whose SLO attainment reached the target.</summary>
/// <param name="Rate">The highest passing rate in requests per second, or null if even the lowest failed.</param>
/// <param name="Attainment">The fraction of requests that had to meet every SLO.</param>
/// <param name="Probes">Every rate probed, in order.</param>
/// <param name="Bracket">"found" when bracketed, "above-high" when even the upper bound passed, "below-low" when the lower failed.</param>
public sealed record MaxGoodputResult(double? Rate, double Attainment, IReadOnlyList<LevelResult> Probes, string Bracket);
