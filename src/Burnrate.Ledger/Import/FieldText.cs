using System.Globalization;

namespace Burnrate.Ledger.Import;

/// <summary>Parses the text of one field with an error message that names the field, the value and what is allowed.</summary>
internal static class FieldText
{
    /// <summary>Gets the text shown for a bad value (quoted, cut to 40 characters).</summary>
    public static string Show(string? value) =>
        value is null ? "(missing)" : "\"" + (value.Length > 40 ? value[..40] + "…" : value) + "\"";

    /// <summary>Parses a count ≥ 0; empty means 0.</summary>
    public static bool TryCount(string field, string? text, out long value, out string? error) =>
        TryCount(field, text.AsSpan(), text is null, out value, out error);

    /// <summary>Parses a count ≥ 0 from characters (<paramref name="missing"/>: the source had no value); empty means 0.</summary>
    public static bool TryCount(string field, ReadOnlySpan<char> text, bool missing, out long value, out string? error)
    {
        error = null;
        if (missing || text.IsWhiteSpace())
        {
            value = 0;
            return true;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0)
        {
            return true;
        }

        // Some exports write counts as 12.0.
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && d >= 0 && d == decimal.Truncate(d) && d <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        error = $"{field}: {Show(text.ToString())} is not a whole number ≥ 0";
        return false;
    }

    /// <summary>Parses a USD amount; empty means null. Amounts keep at most 10 decimals (DECIMAL(18,10)).</summary>
    public static bool TryMoney(string field, string? text, bool allowNegative, out decimal? value, out string? error) =>
        TryMoney(field, text.AsSpan(), text is null, allowNegative, out value, out error);

    /// <summary>Parses a USD amount from characters (<paramref name="missing"/>: the source had no value); empty means null.</summary>
    public static bool TryMoney(string field, ReadOnlySpan<char> text, bool missing, bool allowNegative, out decimal? value, out string? error)
    {
        error = null;
        value = null;
        if (missing || text.IsWhiteSpace() || text is "null" or "None")
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && (allowNegative || d >= 0) && Math.Abs(d) < 100_000_000m)
        {
            value = Math.Round(d, 10, MidpointRounding.ToEven);
            return true;
        }

        error = $"{field}: {Show(text.ToString())} is not a USD amount{(allowNegative ? string.Empty : " ≥ 0")} below 100,000,000";
        return false;
    }

    /// <summary>Parses an instant; text without an offset is taken as UTC.</summary>
    public static bool TryInstant(string field, string? text, out DateTime utc, out string? error) =>
        TryInstant(field, text.AsSpan(), text is null, out utc, out error);

    /// <summary>Parses an instant from characters (<paramref name="missing"/>: the source had no value); text without an offset is UTC.</summary>
    public static bool TryInstant(string field, ReadOnlySpan<char> text, bool missing, out DateTime utc, out string? error)
    {
        error = null;
        if (!missing && IsoInstant.TryParse(text, out utc))
        {
            return true;
        }

        if (!missing && !text.IsWhiteSpace()
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc))
        {
            return true;
        }

        if (!missing && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long unix) && unix is > 0 and < 32_503_680_000)
        {
            utc = DateTime.UnixEpoch.AddSeconds(unix);
            return true;
        }

        utc = default;
        error = $"{field}: {Show(missing ? null : text.ToString())} is not a timestamp (ISO 8601 such as 2026-01-31T12:00:00Z, or Unix seconds)";
        return false;
    }

    /// <summary>Parses a date YYYY-MM-DD.</summary>
    public static bool TryDate(string field, string? text, out DateOnly date, out string? error)
    {
        error = null;
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        error = $"{field}: {Show(text)} is not a date YYYY-MM-DD";
        return false;
    }
}
