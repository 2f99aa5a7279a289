using System.Text.Json.Serialization;
using Burnrate.Core.Economics;

namespace Burnrate.Planning.Fleet;

/// <summary>The cheapest fleet for the expected demand, per scenario costs and contract evaluations (JSON contract in docs/fleet.md).</summary>
public sealed record FleetReport
{
    /// <summary>Gets the problem's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets "optimal", "feasible" (stopped at the time limit; see <see cref="GapPercent"/>), "infeasible" or "no-solution".</summary>
    public required string Status { get; init; }

    /// <summary>Gets the proven distance of the solution from the optimum, in percent of its cost.</summary>
    public required double GapPercent { get; init; }

    /// <summary>Gets why there is no fleet (infeasible: the first slot that cannot be covered and by how much), or null; the JSON
    /// contract always writes it (<c>"reason": null</c> when a fleet was found), unlike other null members, which are left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Reason { get; init; }

    /// <summary>Gets the horizon's total cost in USD.</summary>
    public required double TotalCostUsd { get; init; }

    /// <summary>Gets the all-in cost per million tokens served, USD.</summary>
    public required double CostPerMillionTokensUsd { get; init; }

    /// <summary>Gets the tokens served over the horizon.</summary>
    public required double ServedTokens { get; init; }

    /// <summary>Gets the horizon's first month (YYYY-MM).</summary>
    public required string Start { get; init; }

    /// <summary>Gets the horizon in months.</summary>
    public required int HorizonMonths { get; init; }

    /// <summary>Gets each option's cost, units and use (a units contract appears as its own row).</summary>
    public required IReadOnlyList<FleetOptionReport> Options { get; init; }

    /// <summary>Gets each month's cost.</summary>
    public required IReadOnlyList<FleetMonthReport> Months { get; init; }

    /// <summary>Gets the cheapest fleet's cost in each demand scenario (empty without scenarios).</summary>
    public required IReadOnlyList<FleetScenarioReport> Scenarios { get; init; }

    /// <summary>Gets each contract evaluated across the scenarios (empty without <c>--contracts</c>).</summary>
    public required IReadOnlyList<FleetContractReport> Contracts { get; init; }

    /// <summary>Gets the size of the program solved for the expected demand.</summary>
    public required FleetModelSize Model { get; init; }

    /// <summary>Gets the assumptions the result depends on.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
}

/// <summary>One option's part of the fleet.</summary>
/// <param name="Name">The option's name.</param>
/// <param name="Kind">owned, reserved, on-demand, spot, api or contract.</param>
/// <param name="Serving">The serving entry it provides units of (null for an API: left out of the JSON).</param>
/// <param name="CostUsd">Its cost over the horizon, USD.</param>
/// <param name="UnitsByMonth">Units per month: held (owned, reserved, contract) or the most in any hour (on-demand, spot); API: peak tokens per second.</param>
/// <param name="AverageUnitsByMonth">Hours-weighted average units per month (API: average tokens per second).</param>
/// <param name="Utilization">Tokens served ÷ tokens its units could serve (headroom counts as idle); 1 for an API.</param>
/// <param name="IdleShare">1 − utilization.</param>
/// <param name="ServedTokens">Tokens it served.</param>
/// <param name="MarginalValueUsd">What one more unit of its cap would save over the horizon (USD), when the cap binds; else null (left out of the JSON).</param>
public sealed record FleetOptionReport(string Name, string Kind, string? Serving, double CostUsd, IReadOnlyList<double> UnitsByMonth, IReadOnlyList<double> AverageUnitsByMonth,
    double Utilization, double IdleShare, double ServedTokens, double? MarginalValueUsd);

/// <summary>One month of the fleet.</summary>
/// <param name="Month">YYYY-MM.</param>
/// <param name="CostUsd">Its cost, USD.</param>
/// <param name="PeakDemandTokensPerSecond">Its highest hourly demand, tokens per second.</param>
/// <param name="ServedTokens">Tokens served in it.</param>
public sealed record FleetMonthReport(string Month, double CostUsd, double PeakDemandTokensPerSecond, double ServedTokens);

/// <summary>The cheapest fleet under one demand scenario.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="MonthlyGrowth">Its growth per month (fraction).</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Status">The solve's status.</param>
/// <param name="CostUsd">The horizon's cost, USD.</param>
public sealed record FleetScenarioReport(string Name, double MonthlyGrowth, double Probability, string Status, double CostUsd);

/// <summary>A contract evaluated across the demand scenarios, at the commitment that minimises expected cost.</summary>
/// <param name="Name">The contract's name.</param>
/// <param name="Status">The stochastic program's status.</param>
/// <param name="BestCommitment">The commitment that minimises expected cost (units in the first quarter, or USD per month).</param>
/// <param name="CommitmentUnit">"units" or "usdPerMonth".</param>
/// <param name="ExpectedCostUsd">Σ probability × the fleet's cost in each scenario with that commitment, USD.</param>
/// <param name="WorstCostUsd">The highest of those costs, USD.</param>
/// <param name="RegretUsd">Expected regret: Σ probability × (cost − the cheapest fleet had the scenario been known, with or without any contract), USD.</param>
/// <param name="MaxRegretUsd">The largest regret over the scenarios, USD.</param>
/// <param name="ExpectedSavingUsd">Expected cost without any contract minus with this one, USD (negative: the contract costs money).</param>
/// <param name="Scenarios">Cost and regret per scenario.</param>
public sealed record FleetContractReport(string Name, string Status, double BestCommitment, string CommitmentUnit, double ExpectedCostUsd, double WorstCostUsd,
    double RegretUsd, double MaxRegretUsd, double ExpectedSavingUsd, IReadOnlyList<FleetContractScenario> Scenarios);

/// <summary>A contract's outcome in one scenario.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="CostUsd">The fleet's cost with the contract at the best commitment, USD.</param>
/// <param name="RegretUsd">Cost minus the cheapest fleet had the scenario been known, USD.</param>
public sealed record FleetContractScenario(string Name, double CostUsd, double RegretUsd);

/// <summary>The size of a solved program.</summary>
/// <param name="Slots">Aggregated slots (hours with the same demand in a month are one slot).</param>
/// <param name="HourlySlots">Hourly slots before aggregation.</param>
/// <param name="Variables">Variables.</param>
/// <param name="IntegerVariables">Integer variables.</param>
/// <param name="Constraints">Constraints.</param>
/// <param name="NonZeros">Non-zero constraint coefficients.</param>
/// <param name="Backend">"scip" or "cp-sat".</param>
public sealed record FleetModelSize(int Slots, int HourlySlots, int Variables, int IntegerVariables, int Constraints, int NonZeros, string Backend);
