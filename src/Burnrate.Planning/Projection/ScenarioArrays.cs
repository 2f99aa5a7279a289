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
    }

    public RevenueSource[] Revenue { get; }

    public Expense[] Training { get; }

    public Expense[] Capex { get; }

    public Expense[] Funding { get; }

    public Trigger[] Triggers { get; }
}
