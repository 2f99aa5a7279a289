namespace Burnrate.Core.Inference;

/// <summary>How many searched configurations failed each limit (a configuration can fail several).</summary>
/// <param name="Memory">Did not fit in device memory.</param>
/// <param name="Ttft">Time to first token above the SLO.</param>
/// <param name="Tpot">Time per output token above the SLO.</param>
/// <param name="Budget">Cost per hour above the budget.</param>
public sealed record OptimizeRejections(long Memory, long Ttft, long Tpot, long Budget);
