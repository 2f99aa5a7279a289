using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Projection;

/// <summary>The scenario's lists as arrays, built once per run so the hot loop indexes arrays instead of interface lists.</summary>
internal sealed class ScenarioArrays
{
    public ScenarioArrays(PlanScenario s)
    {
        Revenue = [.. s.Revenue];
        Training = [.. s.Training];
        Capex = [.. s.Capex];
        Funding = [.. s.Funding];
        Triggers = [.. s.Triggers];
        Usage = [.. s.Revenue.Select(r => r.Kind == RevenueKind.Usage)];
        TriggerRules = [.. s.Triggers.Select(t => new TriggerRule(
            t.RunwayMonthsBelow ?? double.NaN, t.CashBelowUsd ?? double.NaN, t.RaiseUsd, t.CloseMonths, 1 - (t.CutOpexPercent / 100), t.Repeat))];
    }

    public RevenueSource[] Revenue { get; }

    public Expense[] Training { get; }

    public Expense[] Capex { get; }

    public Expense[] Funding { get; }

    public Trigger[] Triggers { get; }

    /// <summary>Gets whether each revenue stream is usage-priced.</summary>
    public bool[] Usage { get; }

    /// <summary>Gets the triggers as plain values for the monthly loop.</summary>
    public TriggerRule[] TriggerRules { get; }
}

/// <summary>A trigger's numbers: a missing threshold is NaN (never below), and the opex cut as the factor it multiplies opex by.</summary>
internal readonly record struct TriggerRule(double RunwayBelow, double CashBelow, double RaiseUsd, int CloseMonths, double OpexFactor, bool Repeat);
