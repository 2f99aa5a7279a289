namespace Burnrate.Planning.Fleet;

/// <summary>
/// A contract to evaluate across the demand scenarios (docs/fleet.md): a take-or-pay commitment of accelerator units (with price
/// tiers by size, an annual escalator and an optional scaling clause) or of a monthly API spend (at a discount).
/// </summary>
public sealed record FleetContract
{
    /// <summary>Gets the contract's unique name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the serving entry whose units are committed (-1 for an API spend commitment).</summary>
    public int Serving { get; init; } = -1;

    /// <summary>Gets the API option whose spend is committed (-1 for a units commitment).</summary>
    public int ApiOption { get; init; } = -1;

    /// <summary>Gets the term in months from the horizon's start.</summary>
    public required int TermMonths { get; init; }

    /// <summary>Gets the price tiers by committed size (all-units: the tier reached by the first quarter's commitment prices every unit); one tier when flat.</summary>
    public required IReadOnlyList<ContractTier> Tiers { get; init; }

    /// <summary>Gets the API discount on usage priced at the option's list price (API commitments).</summary>
    public double Discount { get; init; }

    /// <summary>Gets the price increase per full contract year, as a fraction (0.03 = 3% a year).</summary>
    public double EscalatorPerYear { get; init; }

    /// <summary>Gets the scaling clause: the committed units may change by at most this fraction per quarter (null: fixed for the term).</summary>
    public double? FlexPerQuarter { get; init; }

    /// <summary>Gets a fixed commitment (units, or USD per month for an API), or null to find the size that minimises expected cost.</summary>
    public double? Commitment { get; init; }

    /// <summary>Gets the largest commitment considered (units), or null for the peak need.</summary>
    public int? MaxUnits { get; init; }

    /// <summary>Gets where the contract is defined (file:line:column).</summary>
    public string Location { get; init; } = "";

    /// <summary>Gets whether this commits accelerator units (otherwise a monthly API spend).</summary>
    public bool IsUnits => Serving >= 0;
}

/// <summary>A price tier of a units commitment.</summary>
/// <param name="FromUnits">The smallest commitment that reaches the tier.</param>
/// <param name="UsdPerUnitHour">The price per unit-hour for every committed unit at this tier.</param>
public sealed record ContractTier(int FromUnits, double UsdPerUnitHour);
