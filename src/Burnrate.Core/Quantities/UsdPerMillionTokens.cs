namespace Burnrate.Core.Quantities;

/// <summary>A price or cost in US dollars per million tokens.</summary>
/// <param name="Value">Dollars per 1M tokens.</param>
public readonly record struct UsdPerMillionTokens(double Value) : IComparable<UsdPerMillionTokens>
{
    /// <summary>Cost of a number of tokens: $/1M × tokens = $.</summary>
    public static Usd operator *(UsdPerMillionTokens price, Tokens tokens) => new(price.Value * tokens.Millions);

    /// <summary>Compares prices.</summary>
    public static bool operator <(UsdPerMillionTokens a, UsdPerMillionTokens b) => a.Value < b.Value;

    /// <summary>Compares prices.</summary>
    public static bool operator >(UsdPerMillionTokens a, UsdPerMillionTokens b) => a.Value > b.Value;

    /// <summary>Compares prices.</summary>
    public static bool operator <=(UsdPerMillionTokens a, UsdPerMillionTokens b) => a.Value <= b.Value;

    /// <summary>Compares prices.</summary>
    public static bool operator >=(UsdPerMillionTokens a, UsdPerMillionTokens b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(UsdPerMillionTokens other) => Value.CompareTo(other.Value);

    /// <summary>Formats the price, e.g. "$0.42/1M tokens".</summary>
    /// <returns>The formatted price.</returns>
    public override string ToString() => SiFormat.Dollars(Value) + "/1M tokens";
}
