namespace Burnrate.Planning.Fleet;

/// <summary>One solve of the expected-demand program and the size of the program solved (<see cref="FleetOptimizer.SolveExpected"/>).</summary>
/// <param name="Status">optimal, feasible, infeasible or no-solution.</param>
/// <param name="GapPercent">The relative gap the solver proved, in percent.</param>
/// <param name="TotalCostUsd">The fleet's total cost over the horizon in USD, or null without a solution.</param>
/// <param name="Slots">Aggregated hourly slots over the horizon.</param>
/// <param name="Hours">Calendar hours over the horizon.</param>
/// <param name="Variables">Variables of the program.</param>
/// <param name="IntegerVariables">Integer variables of the program.</param>
/// <param name="Constraints">Constraints of the program.</param>
/// <param name="NonZeros">Non-zero coefficients of the constraints.</param>
public sealed record FleetSolveStats(
    string Status, double GapPercent, double? TotalCostUsd, int Slots, double Hours, int Variables, int IntegerVariables, int Constraints, int NonZeros);
