using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Burnrate.Core.Inference;

/// <summary>One configuration of <c>infer --compare</c>: its estimate and the saving against the first configuration.</summary>
public sealed record InferComparison : InferEstimate
{
    /// <summary>Initializes a new instance of the <see cref="InferComparison"/> class.</summary>
    public InferComparison()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InferComparison"/> class from an estimate.</summary>
    /// <param name="estimate">The configuration's estimate.</param>
    /// <param name="savingVsFirst">1 − its cost per request ÷ the first configuration's, or null when either does not fit.</param>
    [SetsRequiredMembers]
    public InferComparison(InferEstimate estimate, double? savingVsFirst)
        : base(estimate)
    {
        SavingVsFirst = savingVsFirst;
    }

    /// <summary>Gets 1 − this configuration's cost per request ÷ the first's, or null when either does not fit (not priced).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonPropertyOrder(1)]
    public double? SavingVsFirst { get; init; }
}
