namespace Burnrate.Planning.Simulation;

/// <summary>A trigger's Monte Carlo outcome: how often and when it first fires.</summary>
/// <param name="Name">The trigger's name.</param>
/// <param name="Firing">Its first-firing distribution.</param>
public sealed record TriggerOutcome(string Name, EventMonths Firing);
