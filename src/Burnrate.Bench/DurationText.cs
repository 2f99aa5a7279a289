using System.Globalization;

namespace Burnrate.Bench;

/// <summary>Parses durations written as "250ms", "2s", "1.5m", "1h", "500us"; a bare number is seconds.</summary>
internal static class DurationText
{
    private static readonly (string Suffix, double Seconds)[] Units =
    [
        ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("min", 60), ("m", 60), ("h", 3600),
    ];

    /// <summary>Parses <paramref name="text"/> to seconds.</summary>
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
}
