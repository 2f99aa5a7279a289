using System.Globalization;
using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>Parses durations written with a unit: "250ms", "2s", "0.5 s", "1.5min", "800us".</summary>
internal static class DurationText
{
    private static readonly (string Unit, double Seconds)[] Units = [("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("min", 60), ("s", 1), ("h", 3600)];

    public static bool TryParse(string? text, out Duration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        foreach ((string unit, double seconds) in Units)
        {
            if (s.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(s[..^unit.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && value > 0 && double.IsFinite(value))
            {
                duration = Duration.FromSeconds(value * seconds);
                return true;
            }
        }

        return false;
    }

    public static Duration Parse(string option, string? text) => TryParse(text, out Duration d)
        ? d
        : throw new UsageException($"{option} '{text}' is not a positive duration with a unit, e.g. 250ms, 2s, 1.5min");
}
