using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Training;

namespace Burnrate.Planning.Derivation;

/// <summary>
/// A figure a scenario's <c>from:</c> entry derived with Burnrate's cost model: the one-line assumption the plan lists, and the typed
/// answer of the use case behind it (the same report <c>burnrate infer --json</c> or <c>burnrate train --json</c> prints), so a report
/// can show the whole derivation rather than its last line.
/// </summary>
/// <param name="Summary">The derived figure as a named assumption (name, value, the command that reproduces it).</param>
public sealed record CostDerivation(Assumption Summary)
{
    /// <summary>Gets the infer report behind a <c>costs.inference.from</c> entry, or null.</summary>
    public InferReport? Infer { get; init; }

    /// <summary>Gets the train report behind a <c>costs.training[].from</c> entry, or null.</summary>
    public TrainReport? Train { get; init; }
}
