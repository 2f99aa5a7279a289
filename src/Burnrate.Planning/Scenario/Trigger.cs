namespace Burnrate.Planning.Scenario;

/// <summary>A rule checked at the end of every month: when its condition holds it raises capital (landing <see cref="CloseMonths"/> later) and/or cuts opex.</summary>
public sealed record Trigger
{
    /// <summary>Gets the name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the runway threshold in months (fires when runway is below it), or null.</summary>
    public double? RunwayMonthsBelow { get; init; }

    /// <summary>Gets the cash threshold in USD (fires when cash is below it), or null.</summary>
    public double? CashBelowUsd { get; init; }

    /// <summary>Gets the amount raised in USD, or 0.</summary>
    public double RaiseUsd { get; init; }

    /// <summary>Gets the months between firing and the raise landing.</summary>
    public int CloseMonths { get; init; }

    /// <summary>Gets the percentage cut applied to staff and other opex from the next month, or 0.</summary>
    public double CutOpexPercent { get; init; }

    /// <summary>Gets whether the trigger may fire again after its condition has cleared (and its raise has landed).</summary>
    public bool Repeat { get; init; }
}
