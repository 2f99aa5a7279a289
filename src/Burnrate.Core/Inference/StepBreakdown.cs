namespace Burnrate.Core.Inference;

/// <summary>
/// A roofline step split by what it does (<c>infer --breakdown</c>): the decode step behind TPOT or the prefill of one prompt
/// alone, its time, its binding resource and its parts (which sum to <see cref="Seconds"/>). Base units: seconds.
/// </summary>
/// <param name="Step">"decode" (one step at the batch per replica and the average context) or "prefill" (one prompt, alone).</param>
/// <param name="Seconds">The step time: TPOT for decode, the batch-1 TTFT for prefill.</param>
/// <param name="Bound">The step's binding resource ("compute", "memory" or "communication"), as <c>decodeBound</c>/<c>prefillBound</c>.</param>
/// <param name="Parts">The parts, in a fixed order: attention projections, attention scores, mlp/experts, output head,
/// communication, overhead.</param>
public sealed record StepBreakdown(string Step, double Seconds, string Bound, IReadOnlyList<StepPart> Parts);
