using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Burnrate.Core.Economics;

namespace Burnrate.Core.Inference;

/// <summary>
/// The answer of <c>burnrate infer</c> and <c>POST /api/infer</c>: the first configuration's estimate (flat, as the infer JSON
/// contract has it), the assumptions behind it, and optionally a concurrency sweep of the same configuration and a
/// side-by-side comparison of other configurations at the same workload.
/// </summary>
public sealed record InferReport : InferEstimate
{
    /// <summary>Initializes a new instance of the <see cref="InferReport"/> class.</summary>
    public InferReport()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InferReport"/> class from the first configuration's estimate.</summary>
    /// <param name="estimate">The first configuration's estimate.</param>
    [SetsRequiredMembers]
    public InferReport(InferEstimate estimate)
        : base(estimate)
    {
    }

    /// <summary>Gets the assumptions, each with its value and source, in display order.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];

    /// <summary>Gets the first configuration at each swept concurrency, ascending, or null when no sweep was asked for.</summary>
    [JsonPropertyOrder(2)]
    public IReadOnlyList<InferEstimate>? Sweep { get; init; }

    /// <summary>Gets every compared configuration, the first one first, or null when no comparison was asked for.</summary>
    [JsonPropertyOrder(3)]
    public IReadOnlyList<InferComparison>? Compare { get; init; }

    /// <summary>Gets the first configuration's decode step and prefill split by part (<c>--breakdown</c>), or null when not asked
    /// for or when it does not fit (an infeasible answer is not timed); omitted from JSON when null.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StepBreakdown>? Breakdown { get; init; }

    /// <summary>Gets every configuration in the report that does not fit in memory: the first, then sweep points, then compared ones.</summary>
    /// <returns>The infeasible configurations (each reported once).</returns>
    public IEnumerable<InferEstimate> Infeasible()
    {
        IEnumerable<InferEstimate> all = [this, .. Sweep ?? [], .. (Compare ?? []).Skip(1)];
        return all.Where(e => !e.FitsInMemory);
    }
}
