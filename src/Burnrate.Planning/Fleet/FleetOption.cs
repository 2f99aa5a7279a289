namespace Burnrate.Planning.Fleet;

/// <summary>One way to get serving capacity (docs/fleet.md has every field with its unit).</summary>
public sealed record FleetOption
{
    /// <summary>Gets the option's unique name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets how it is bought and priced.</summary>
    public required OptionKind Kind { get; init; }

    /// <summary>Gets the index of the serving entry whose units this option provides (-1 for an API).</summary>
    public int Serving { get; init; } = -1;

    /// <summary>Gets the most units held at once (owned: in total; others: in any slot), or null for no cap.</summary>
    public int? MaxUnits { get; init; }

    /// <summary>Gets the price per unit-hour in USD (reserved, on-demand, spot).</summary>
    public double UsdPerUnitHour { get; init; }

    /// <summary>Gets the reservation term in months.</summary>
    public int TermMonths { get; init; } = 12;

    /// <summary>Gets the upfront payment per reserved unit and term in USD, spread evenly over the term's months.</summary>
    public double UpfrontUsd { get; init; }

    /// <summary>Gets the owned unit's cost per month held, excluding power: depreciation, colocation and staff (or fixedUsdPerMonth).</summary>
    public double OwnedUsdPerMonth { get; init; }

    /// <summary>Gets the owned unit's power cost per hour in USD (kW × PUE × USD/kWh), charged for every calendar hour held.</summary>
    public double OwnedPowerUsdPerHour { get; init; }

    /// <summary>Gets the months between ordering and first use of an owned unit.</summary>
    public int LeadTimeMonths { get; init; }

    /// <summary>Gets the share of a spot unit's time that serves: 1 − interruptionsPerHour × restartMinutes / 60.</summary>
    public double EffectiveShare { get; init; } = 1;

    /// <summary>Gets the API's blended price per million tokens in USD.</summary>
    public double UsdPerMillionTokens { get; init; }

    /// <summary>Gets where the option is defined (file:line:column).</summary>
    public string Location { get; init; } = "";

    /// <summary>Gets whether the option provides units of an accelerator (everything but an API).</summary>
    public bool HasUnits => Kind != OptionKind.Api;
}
