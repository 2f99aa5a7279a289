using System.Globalization;

namespace Burnrate.Core.Quantities;

/// <summary>
/// The invariant-culture number formats every output uses (tables, assumptions, CSV, charts), in one place so a figure
/// prints the same way on every surface and on every machine whatever its locale.
/// </summary>
public static class NumberText
{
    /// <summary>Up to four decimals, no grouping, no trailing zeros: 0.4, 1234.5678, 2.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Plain(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators: 1,234,567.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Grouped(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators, exactly however large: 1,234,567.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Grouped(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A whole number as is: 1234567.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back to the same double (for CSV and machine-read text): 0.1, 1E-07.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><paramref name="digits"/> significant digits ("G" format): 1.235E+06 for 4 digits of 1234567.</summary>
    /// <param name="value">The value.</param>
    /// <param name="digits">Significant digits.</param>
    /// <returns>The text.</returns>
    public static string Significant(double value, int digits) => value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Scientific with up to three decimals: 3.8e+25.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Scientific(double value) => value.ToString("0.###e+00", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with the given number pattern: 0.4123 → "41.2%" for "0.#".</summary>
    /// <param name="fraction">The fraction (1 = 100%).</param>
    /// <param name="pattern">The .NET number pattern of the percentage, e.g. "0.#" or "0.0".</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction, string pattern = "0.#") => (fraction * 100).ToString(pattern, CultureInfo.InvariantCulture) + "%";

    /// <summary>Any .NET number pattern in the invariant culture.</summary>
    /// <param name="value">The value.</param>
    /// <param name="pattern">The pattern, e.g. "0.##".</param>
    /// <returns>The text.</returns>
    public static string Format(double value, string pattern) => value.ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>Any .NET number pattern in the invariant culture, for a decimal (billed money): 1,234.50 for "#,##0.00".</summary>
    /// <param name="value">The value.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value, string pattern) => value.ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>Seconds shown as milliseconds with <paramref name="pattern"/>, or <paramref name="missing"/> when there is no value.</summary>
    /// <param name="seconds">The duration in seconds, or null.</param>
    /// <param name="pattern">The pattern of the millisecond number, e.g. "0.#".</param>
    /// <param name="missing">The text for no value.</param>
    /// <returns>The text.</returns>
    public static string Milliseconds(double? seconds, string pattern = "0.#", string missing = "-") =>
        seconds is { } s ? (s * 1000).ToString(pattern, CultureInfo.InvariantCulture) : missing;

    /// <summary>An ISO date: 2026-12-02.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
