using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>Latency targets a configuration must meet.</summary>
/// <param name="Ttft">The largest acceptable time to first token.</param>
/// <param name="Tpot">The largest acceptable time per output token.</param>
public readonly record struct ServiceLevelObjective(Duration Ttft, Duration Tpot);
