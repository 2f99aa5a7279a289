using System.Text;

namespace Burnrate.Cli;

/// <summary>
/// Maps a request record's field name (camelCase, as in JSON: <c>sloTtft</c>) to the option that sets it (<c>--slo-ttft</c>),
/// so a library's <see cref="Core.Validation.FieldError"/> reads as the option the user typed.
/// </summary>
internal static class OptionNames
{
    // Fields whose option is not the plain kebab-case of the field name.
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["model"] = "MODEL",
        ["gridKgCo2PerKWh"] = "--grid-kg-co2-per-kwh",
        ["electricityUsdPerKWh"] = "--electricity-usd-per-kwh",
        ["deviceWatts"] = "--device-watts",
        ["sequenceLength"] = "--seq-len",
        ["tensorParallel"] = "--tp",
        ["pipelineParallel"] = "--pp",
        ["expertParallel"] = "--ep",
        ["dataParallel"] = "--dp",
        ["kvCache"] = "--kv",
        ["sweepConcurrency"] = "--sweep-concurrency",
    };

    /// <summary>Gets the option name for <paramref name="field"/>; names that already look like options or arguments pass through.</summary>
    public static string For(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Length == 0 || field.StartsWith('-') || field.All(c => !char.IsLower(c)) || field.Contains(' ', StringComparison.Ordinal))
        {
            return field;
        }

        if (Special.TryGetValue(field, out string? name))
        {
            return name;
        }

        var kebab = new StringBuilder("--");
        foreach (char c in field)
        {
            if (char.IsUpper(c))
            {
                kebab.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                kebab.Append(c == '.' ? '-' : c);
            }
        }

        return kebab.ToString();
    }
}
