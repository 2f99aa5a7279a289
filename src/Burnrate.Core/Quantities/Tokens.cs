namespace Burnrate.Core.Quantities;

/// <summary>A count of tokens (kept as <see cref="double"/> because training runs reach 1e13 and beyond).</summary>
/// <param name="Value">The number of tokens.</param>
public readonly record struct Tokens(double Value) : IComparable<Tokens>
{
    /// <summary>Gets the count in millions of tokens.</summary>
    public double Millions => Value / 1e6;

    /// <summary>Adds two counts.</summary>
    public static Tokens operator +(Tokens a, Tokens b) => new(a.Value + b.Value);

    /// <summary>Scales a count.</summary>
    public static Tokens operator *(double k, Tokens a) => new(k * a.Value);

    /// <summary>The dimensionless ratio of two counts.</summary>
    public static double operator /(Tokens a, Tokens b) => a.Value / b.Value;

    /// <summary>Token rate: tokens ÷ s.</summary>
    public static double operator /(Tokens a, Duration time) => a.Value / time.Seconds;

    /// <summary>Compares values.</summary>
    public static bool operator <(Tokens a, Tokens b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(Tokens a, Tokens b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(Tokens a, Tokens b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(Tokens a, Tokens b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Tokens other) => Value.CompareTo(other.Value);

    /// <summary>Formats with an SI prefix, e.g. "15.6 Ttokens".</summary>
    /// <returns>The formatted count.</returns>
    public override string ToString() => SiFormat.Words(Value, "tokens");
}
