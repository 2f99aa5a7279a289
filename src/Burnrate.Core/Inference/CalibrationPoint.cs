using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>One measured load level to fit efficiency factors to.</summary>
/// <param name="Concurrency">Requests in flight over the whole deployment (≥ 1).</param>
/// <param name="InputTokens">Mean prompt tokens per request (≥ 1).</param>
/// <param name="OutputTokens">Mean output tokens per request (≥ 1).</param>
/// <param name="Ttft">Measured time to first token to compare with the prefill, or null to leave this level's prefill out.</param>
/// <param name="DecodeStep">Measured time of one decode step (the median inter-token latency, say), or null.</param>
public readonly record struct CalibrationPoint(int Concurrency, int InputTokens, int OutputTokens, Duration? Ttft, Duration? DecodeStep);
