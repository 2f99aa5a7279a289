using System.Globalization;

namespace Burnrate.Core.Quantities;

/// <summary>Formats numbers with SI prefixes in the invariant culture (e.g. 3.14e23 → "314 Z").</summary>
public static class SiFormat
{
    private static readonly string[] Prefixes = ["q", "r", "y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q"];
    private const int UnitIndex = 10;

    /// <summary>Formats <paramref name="value"/> with three significant digits and an SI prefix before <paramref name="unit"/>.</summary>
    /// <param name="value">The value in base units.</param>
    /// <param name="unit">The unit symbol, e.g. "FLOP", "B/s".</param>
    /// <returns>Text such as "314 ZFLOP" or "12.3 ms".</returns>
    public static string Format(double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        (string digits, string prefix) = Split(value);
        return digits + " " + prefix + unit;
    }

    /// <summary>Formats <paramref name="value"/> like <see cref="Format"/> before a unit that is a word, not a symbol: the prefix
    /// stands apart ("15 T tokens", "593 k tokens/s", "512 tokens"), since "Ttokens" reads as a misspelling.</summary>
    /// <param name="value">The value in base units.</param>
    /// <param name="unit">The unit word, e.g. "tokens" or "tokens/s".</param>
    /// <returns>Text such as "15 T tokens".</returns>
    public static string Words(double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        (string digits, string prefix) = Split(value);
        return prefix.Length == 0 ? digits + " " + unit : digits + " " + prefix + " " + unit;
    }

    private static (string Digits, string Prefix) Split(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return (value.ToString(CultureInfo.InvariantCulture), "");
        }

        if (value == 0)
        {
            return ("0", "");
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)) / 3);
        exponent = Math.Clamp(exponent, -UnitIndex, Prefixes.Length - 1 - UnitIndex);
        double scaled = value / Math.Pow(1000, exponent);
        string digits = ThreeSignificant(scaled);
        if (digits is "1000" or "-1000" && exponent + UnitIndex < Prefixes.Length - 1)
        {
            exponent++;
            digits = ThreeSignificant(value / Math.Pow(1000, exponent));
        }

        return (digits, Prefixes[exponent + UnitIndex]);
    }

    /// <summary>Formats a dollar amount compactly: "$1.2M", "$950", "$3.40".</summary>
    /// <param name="usd">The amount in US dollars.</param>
    /// <returns>The formatted amount.</returns>
    public static string Dollars(double usd)
    {
        double abs = Math.Abs(usd);
        string sign = usd < 0 ? "-" : "";
        if (abs < 1000)
        {
            return sign + "$" + abs.ToString(abs < 10 ? "0.00##" : "0.##", CultureInfo.InvariantCulture);
        }

        string[] suffixes = ["", "k", "M", "B", "T"];
        int exponent = Math.Min((int)Math.Floor(Math.Log10(abs) / 3), suffixes.Length - 1);
        string digits = ThreeSignificant(abs / Math.Pow(1000, exponent));
        return sign + "$" + digits + suffixes[exponent];
    }

    /// <summary>Formats a count the way model sizes are written: "8.03B", "671B", "405M", "1.2T".</summary>
    /// <param name="count">The count.</param>
    /// <returns>The formatted count.</returns>
    public static string Count(double count)
    {
        double abs = Math.Abs(count);
        if (abs < 1000)
        {
            return ThreeSignificant(count);
        }

        string[] suffixes = ["", "K", "M", "B", "T", "Q"];
        int exponent = Math.Min((int)Math.Floor(Math.Log10(abs) / 3), suffixes.Length - 1);
        return ThreeSignificant(count / Math.Pow(1000, exponent)) + suffixes[exponent];
    }

    /// <summary>Formats a plain number with three significant digits (thousands grouped above 1000).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Text such as "41.7" or "1,234".</returns>
    public static string Plain(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : ThreeSignificant(value);

    private static string ThreeSignificant(double scaled)
    {
        double abs = Math.Abs(scaled);
        string format = abs >= 100 ? "0" : abs >= 10 ? "0.#" : "0.##";
        return scaled.ToString(format, CultureInfo.InvariantCulture);
    }
}
