using System.Globalization;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog;

/// <summary>
/// The one duration parser of every surface: "250ms", "2s", "1.5min", "1.5m", "1h", "500us". A unit is required: a bare
/// number such as "500" is an error everywhere (it could mean seconds or milliseconds). Only zero may be written bare.
/// </summary>
public static class DurationText
{
    /// <summary>What a duration field allows, as shown in errors.</summary>
    public const string Allowed = "a duration with a unit, e.g. 250ms, 2s, 1.5min";

    private const string AllowedPositive = "a positive duration with a unit, e.g. 250ms, 2s, 1.5min";

    private static readonly (string Suffix, double Seconds)[] Units =
    [
        ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("min", 60), ("m", 60), ("h", 3600),
    ];

    /// <summary>Parses <paramref name="text"/> to a finite, non-negative number of seconds; a bare number other than 0 fails.</summary>
    /// <param name="text">The text.</param>
    /// <param name="seconds">The duration in seconds.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParseSeconds(string? text, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        foreach ((string suffix, double factor) in Units)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(s[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                seconds = v * factor;
                return double.IsFinite(seconds) && seconds >= 0;
            }
        }

        // Zero is zero in every unit; any other bare number is ambiguous.
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain) && plain == 0;
    }

    /// <summary>Parses <paramref name="text"/> to a positive <see cref="Duration"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the text parsed to a duration above zero.</returns>
    public static bool TryParse(string? text, out Duration duration)
    {
        bool ok = TryParseSeconds(text, out double seconds) && seconds > 0;
        duration = ok ? Duration.FromSeconds(seconds) : default;
        return ok;
    }

    /// <summary>Parses a positive duration or throws an <see cref="InputException"/> naming <paramref name="field"/>.</summary>
    /// <param name="field">The field's name (request-record spelling, e.g. <c>sloTtft</c>).</param>
    /// <param name="text">The text.</param>
    /// <returns>The duration.</returns>
    public static Duration Parse(string field, string? text) => TryParse(text, out Duration d)
        ? d
        : throw new InputException(field, text ?? "", AllowedPositive);

    /// <summary>Parses a duration that may be zero or throws an <see cref="InputException"/> naming <paramref name="field"/>.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="text">The text.</param>
    /// <returns>The duration.</returns>
    public static Duration ParseNonNegative(string field, string? text) => TryParseSeconds(text, out double s)
        ? Duration.FromSeconds(s)
        : throw new InputException(field, text ?? "", "0 or " + Allowed);
}
