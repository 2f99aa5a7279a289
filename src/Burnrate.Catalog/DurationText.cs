using System.Globalization;
using Burnrate.Core.Quantities;

namespace Burnrate.Catalog;

/// <summary>Parses durations written as "250ms", "2s", "1.5min", "1.5m", "1h", "500us"; a bare number is seconds.</summary>
public static class DurationText
{
    private static readonly (string Suffix, double Seconds)[] Units =
    [
        ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("min", 60), ("m", 60), ("h", 3600),
    ];

    /// <summary>Parses <paramref name="text"/> to a non-negative number of seconds.</summary>
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

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain))
        {
            seconds = plain;
            return double.IsFinite(seconds) && seconds >= 0;
        }

        return false;
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
}
