using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>Parses a duration option value or fails with a usage error naming the option.</summary>
internal static class DurationOption
{
    // A unit is required here: a bare "500" for an SLO could mean seconds or milliseconds.
    public static Duration Parse(string option, string? text) =>
        !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        && Catalog.DurationText.TryParse(text, out Duration d)
        ? d
        : throw new UsageException($"{option} '{text}' is not a positive duration with a unit, e.g. 250ms, 2s, 1.5min");
}
