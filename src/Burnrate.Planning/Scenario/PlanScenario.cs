namespace Burnrate.Planning.Scenario;

/// <summary>A cash-burn scenario read from YAML (see docs/plan.md): drivers, streams, costs, funding, triggers, presets and correlations.</summary>
public sealed record PlanScenario
{
    /// <summary>Gets the scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the first month.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>Gets the horizon in months.</summary>
    public required int Months { get; init; }

    /// <summary>Gets every driver; other records refer to them by index.</summary>
    public required IReadOnlyList<Driver> Drivers { get; init; }

    /// <summary>Gets the opening cash driver's index.</summary>
    public required int Cash { get; init; }

    /// <summary>Gets the revenue streams.</summary>
    public required IReadOnlyList<RevenueSource> Revenue { get; init; }

    /// <summary>Gets the inference cost per million tokens driver's index, or -1 when nothing is served.</summary>
    public int InferenceCostPerMillionTokens { get; init; } = -1;

    /// <summary>Gets the annual inference cost change driver's index, or -1.</summary>
    public int InferenceAnnualCostChange { get; init; } = -1;

    /// <summary>Gets the training runs (cash and P&amp;L in their month).</summary>
    public required IReadOnlyList<Expense> Training { get; init; }

    /// <summary>Gets the staff headcount, hires per month and loaded cost per year driver indices, or -1.</summary>
    public (int Headcount, int HiresPerMonth, int LoadedCostPerYear) Staff { get; init; } = (-1, -1, -1);

    /// <summary>Gets the other opex per month driver's index, or -1.</summary>
    public int OtherMonthlyUsd { get; init; } = -1;

    /// <summary>Gets the capex items (Extra = depreciation years).</summary>
    public required IReadOnlyList<Expense> Capex { get; init; }

    /// <summary>Gets the funding rounds (Extra = probability).</summary>
    public required IReadOnlyList<Expense> Funding { get; init; }

    /// <summary>Gets the triggers, checked in file order.</summary>
    public required IReadOnlyList<Trigger> Triggers { get; init; }

    /// <summary>Gets the presets in order (best, base, worst, then any others): driver index → value.</summary>
    public required IReadOnlyList<KeyValuePair<string, IReadOnlyDictionary<int, double>>> Presets { get; init; }

    /// <summary>Gets the correlations between uncertain drivers.</summary>
    public required IReadOnlyList<Correlation> Correlations { get; init; }

    /// <summary>Gets the assumptions the scenario itself makes (values taken or fitted from <c>actuals:</c>).</summary>
    public IReadOnlyList<Burnrate.Core.Economics.Assumption> Assumptions { get; init; } = [];

    /// <summary>Gets the label of month <paramref name="index"/>, e.g. "2026-01".</summary>
    /// <param name="index">The month index.</param>
    /// <returns>The label.</returns>
    public string MonthLabel(int index) => Start.AddMonths(index).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
