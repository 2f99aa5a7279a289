namespace Burnrate.Planning.Fleet;

/// <summary>How a capacity option is bought and priced (docs/fleet.md).</summary>
public enum OptionKind
{
    /// <summary>Bought (after a lead time) and kept: depreciation, power, colocation and staff per unit-month.</summary>
    Owned,

    /// <summary>Held for whole terms at a per-unit-hour price (plus any upfront payment spread over the term).</summary>
    Reserved,

    /// <summary>Rented per slot at a per-unit-hour price.</summary>
    OnDemand,

    /// <summary>Rented per slot at a per-unit-hour price, losing capacity to interruptions; usually capped.</summary>
    Spot,

    /// <summary>A third-party API priced per token; continuous, no units.</summary>
    Api,
}
