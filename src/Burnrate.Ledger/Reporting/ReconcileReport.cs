namespace Burnrate.Ledger.Reporting;

/// <summary>Computed (usage × price, or the logger's own spend) against billed cost, per day and provider (JSON contract of <c>ledger reconcile --json</c>).</summary>
/// <param name="Rows">One row per day and billed provider.</param>
/// <param name="Totals">One row per provider over the whole range (date = null).</param>
public sealed record ReconcileReport(IReadOnlyList<ReconcileRow> Rows, IReadOnlyList<ReconcileRow> Totals);

/// <summary>A day's computed and billed cost for one provider.</summary>
/// <param name="Date">The UTC day (null on a total).</param>
/// <param name="Provider">The provider.</param>
/// <param name="ComputedUsd">Σ usage cost.</param>
/// <param name="BilledUsd">Σ billed cost.</param>
/// <param name="DifferenceUsd">Billed − computed: what the bill holds that the usage does not explain (negative: usage the bill lacks).</param>
public sealed record ReconcileRow([property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] DateOnly? Date, string Provider, Money ComputedUsd, Money BilledUsd, Money DifferenceUsd);
