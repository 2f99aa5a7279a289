using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>Parses a duration option value with the one duration parser (<see cref="Catalog.DurationText"/>: a unit is required).</summary>
internal static class DurationOption
{
    public static Duration Parse(string option, string? text) => Catalog.DurationText.Parse(option, text);
}
