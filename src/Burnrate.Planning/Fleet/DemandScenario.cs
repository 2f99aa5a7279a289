namespace Burnrate.Planning.Fleet;

/// <summary>A demand scenario: a monthly growth rate and its probability.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="MonthlyGrowth">Growth per month as a fraction (0.06 = 6%); month m's demand is the first week's × (1 + g)^m.</param>
/// <param name="Probability">The scenario's probability (scenarios sum to 1).</param>
public sealed record DemandScenario(string Name, double MonthlyGrowth, double Probability);
