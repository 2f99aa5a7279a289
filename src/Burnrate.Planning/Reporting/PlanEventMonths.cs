using System.Text.Json.Serialization;

namespace Burnrate.Planning.Reporting;

/// <summary>When an event (cash-out, a trigger) happens across paths: the months (YYYY-MM) by which 10%, 50% and 90% of
/// paths have seen it, each null when fewer paths ever do.</summary>
/// <param name="P10">The month by which 10% of paths have seen it, or null.</param>
/// <param name="P50">The month by which half the paths have seen it, or null.</param>
/// <param name="P90">The month by which 90% of paths have seen it, or null.</param>
public sealed record PlanEventMonths(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? P10,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? P50,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? P90);
