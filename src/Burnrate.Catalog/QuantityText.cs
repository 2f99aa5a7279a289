using System.Globalization;

namespace Burnrate.Catalog;

/// <summary>
/// Parses human-written quantities: "80 GB", "80 GiB", "3.35 TB/s", "989.4 TFLOP/s", "700 W", "15.6T", "1.5e25".
/// SI prefixes (k M G T P E Z) are decimal; Ki Mi Gi Ti Pi are binary. A plain number is taken in base units.
/// </summary>
public static class QuantityText
{
    private static readonly (string Prefix, double Factor)[] Prefixes =
    [
        ("Ki", 1024d), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("Pi", 1024d * 1024 * 1024 * 1024 * 1024),
        ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18), ("Z", 1e21), ("B", 1e9),
    ];

    /// <summary>Parses <paramref name="text"/> as a quantity in one of <paramref name="units"/> (e.g. "B", "B/s", "FLOP/s", "W"), or unitless.</summary>
    /// <param name="text">The text.</param>
    /// <param name="units">Unit symbols accepted after the prefix; an empty list accepts only plain numbers with an optional prefix.</param>
    /// <param name="value">The value in base units.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(string? text, IReadOnlyList<string> units, out double value)
    {
        ArgumentNullException.ThrowIfNull(units);
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        int end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or '-' or '+'
            || ((s[end] is 'e' or 'E') && end + 1 < s.Length && (char.IsDigit(s[end + 1]) || s[end + 1] is '-' or '+'))))
        {
            end++;
        }

        if (end == 0 || !double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return false;
        }

        string rest = s[end..].Trim();
        foreach (string unit in units.OrderByDescending(u => u.Length))
        {
            if (rest.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[..^unit.Length].Trim();
                break;
            }
        }

        double factor = 1;
        if (rest.Length > 0)
        {
            (string Prefix, double Factor) match = Prefixes.FirstOrDefault(p => string.Equals(p.Prefix, rest, StringComparison.Ordinal));
            // "B" means billion only for unitless counts ("8B" parameters), never for bytes.
            if (match.Prefix is null || (match.Prefix == "B" && units.Count > 0))
            {
                return false;
            }

            factor = match.Factor;
        }

        value = number * factor;
        return double.IsFinite(value);
    }
}
