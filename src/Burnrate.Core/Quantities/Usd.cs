namespace Burnrate.Core.Quantities;

/// <summary>An estimated amount of money in US dollars (double: estimates and simulations, not billing; the ledger uses decimal).</summary>
/// <param name="Value">The amount in USD.</param>
public readonly record struct Usd(double Value) : IComparable<Usd>
{
    /// <summary>Gets zero dollars.</summary>
    public static Usd Zero => default;

    /// <summary>Adds two amounts.</summary>
    public static Usd operator +(Usd a, Usd b) => new(a.Value + b.Value);

    /// <summary>Subtracts two amounts.</summary>
    public static Usd operator -(Usd a, Usd b) => new(a.Value - b.Value);

    /// <summary>Scales an amount.</summary>
    public static Usd operator *(double k, Usd a) => new(k * a.Value);

    /// <summary>Scales an amount.</summary>
    public static Usd operator *(Usd a, double k) => new(k * a.Value);

    /// <summary>Divides an amount into equal parts.</summary>
    public static Usd operator /(Usd a, double k) => new(a.Value / k);

    /// <summary>The dimensionless ratio of two amounts.</summary>
    public static double operator /(Usd a, Usd b) => a.Value / b.Value;

    /// <summary>Price per million tokens: $ ÷ tokens.</summary>
    public static UsdPerMillionTokens operator /(Usd cost, Tokens tokens) => new(cost.Value / tokens.Millions);

    /// <summary>Price per device-hour: $ ÷ GPU-h.</summary>
    public static UsdPerGpuHour operator /(Usd cost, GpuHours hours) => new(cost.Value / hours.Value);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Usd a, Usd b) => a.Value < b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Usd a, Usd b) => a.Value > b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Usd a, Usd b) => a.Value <= b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Usd a, Usd b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Usd other) => Value.CompareTo(other.Value);

    /// <summary>Formats compactly, e.g. "$1.2M".</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => SiFormat.Dollars(Value);
}
