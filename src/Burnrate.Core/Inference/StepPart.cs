using System.Text.Json.Serialization;

namespace Burnrate.Core.Inference;

/// <summary>
/// One part of a roofline step as <c>infer --breakdown</c> reports it: the time the part takes within the step, its own FLOP
/// and byte times, and the resource that binds it (docs/infer.md "Breakdown"). Base units: seconds.
/// </summary>
/// <param name="Name">"attention projections", "attention scores", "mlp/experts", "output head", "communication" or "overhead".</param>
/// <param name="Seconds">The part's share of the step: its time on the resource that binds the whole step (its compute time when
/// the step is compute-bound, else its memory time); communication and overhead are their own times. The parts sum to the step.</param>
/// <param name="ComputeSeconds">The part's FLOPs ÷ effective FLOP/s, or null for communication and overhead.</param>
/// <param name="MemorySeconds">The part's bytes ÷ effective bandwidth, or null for communication and overhead.</param>
/// <param name="Bound">The part's own binding resource: "compute" or "memory" (the larger of its two times, i.e. its arithmetic
/// intensity against the ridge point, as LLM-Viewer's per-layer roofline states it), "communication", or "overhead".</param>
public sealed record StepPart(
    string Name,
    double Seconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ComputeSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? MemorySeconds,
    string Bound);
