using System.Globalization;

namespace Burnrate.Ledger;

/// <summary>
/// A billed amount in US dollars, held as <see cref="decimal"/> so that sums add to the cent.
/// Deliberately distinct from Core's <c>Usd</c> (a <see cref="double"/> for estimates and simulations).
/// </summary>
/// <param name="Usd">The amount in USD.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(decimal Usd) : IComparable<Money>
{
    /// <summary>Gets zero dollars.</summary>
    public static Money Zero => default;

    /// <summary>Gets the amount rounded to the cent (half away from zero), as invoices round.</summary>
    public Money ToCents() => new(Math.Round(Usd, 2, MidpointRounding.AwayFromZero));

    /// <summary>Adds two amounts.</summary>
    public static Money operator +(Money a, Money b) => new(a.Usd + b.Usd);

    /// <summary>Subtracts one amount from another.</summary>
    public static Money operator -(Money a, Money b) => new(a.Usd - b.Usd);

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money a) => new(-a.Usd);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Money a, Money b) => a.Usd < b.Usd;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Money a, Money b) => a.Usd > b.Usd;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Money a, Money b) => a.Usd <= b.Usd;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Money a, Money b) => a.Usd >= b.Usd;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Usd.CompareTo(other.Usd);

    /// <inheritdoc/>
    public override string ToString() => Usd.ToString("0.00########", CultureInfo.InvariantCulture) + " USD";
}
