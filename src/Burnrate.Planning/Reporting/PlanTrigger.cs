namespace Burnrate.Planning.Reporting;

/// <summary>A raise trigger across paths: how often it fires within the horizon and when.</summary>
/// <param name="Name">The trigger's name.</param>
/// <param name="FiredProbability">The share of paths on which it fires.</param>
/// <param name="Month">When it fires.</param>
public sealed record PlanTrigger(string Name, double FiredProbability, PlanEventMonths Month);
