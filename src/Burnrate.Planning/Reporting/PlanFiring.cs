namespace Burnrate.Planning.Reporting;

/// <summary>A trigger firing in a preset.</summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Month">The month it fired (YYYY-MM).</param>
public sealed record PlanFiring(string Trigger, string Month);
