using System.Globalization;

namespace Burnrate.Reports.Charts;

/// <summary>How numbers read on charts: money as <c>$12.9M</c>, counts as <c>1.2k</c>, never <c>1.288E+007</c>.</summary>
public static class ChartText
{
    private static readonly (double Scale, string Suffix)[] Scales = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];

    /// <summary>Formats US dollars with three significant digits and a suffix: <c>$12.9M</c>, <c>-$950k</c>, <c>$1.29B</c>, <c>$0</c>.</summary>
    /// <param name="usd">The amount in USD.</param>
    /// <returns>The text.</returns>
    public static string Money(double usd) => double.IsFinite(usd)
        ? (usd < 0 ? "-$" : "$") + Compact(Math.Abs(usd))
        : usd.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a count or rate with three significant digits and a suffix: <c>950</c>, <c>12.9k</c>, <c>1.5M</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => double.IsFinite(value)
        ? (value < 0 ? "-" : "") + Compact(Math.Abs(value))
        : value.ToString(CultureInfo.InvariantCulture);

    private static string Compact(double v)
    {
        foreach ((double scale, string suffix) in Scales)
        {
            if (v >= scale * 0.9995)
            {
                return Significant(v / scale) + suffix;
            }
        }

        return v >= 100 || v == 0 ? v.ToString("0", CultureInfo.InvariantCulture) : Significant(v);
    }

    // Three significant digits without trailing zeros: 12.9, 950, 1.29, 0.5.
    private static string Significant(double v) => v >= 100
        ? v.ToString("0", CultureInfo.InvariantCulture)
        : v >= 10 ? v.ToString("0.#", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
}
