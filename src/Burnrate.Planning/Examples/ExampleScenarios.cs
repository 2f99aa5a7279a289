using System.Reflection;

namespace Burnrate.Planning.Examples;

/// <summary>The example scenarios embedded in the assembly, so an installed tool can print them from any folder.</summary>
public static class ExampleScenarios
{
    private const string Prefix = "Burnrate.Examples.";

    private static readonly Lazy<IReadOnlyList<ExampleScenario>> Embedded = new(Load);

    /// <summary>Gets every embedded example, ordered by name.</summary>
    public static IReadOnlyList<ExampleScenario> All => Embedded.Value;

    /// <summary>Finds an example by name (case-insensitive; a trailing <c>.yaml</c> is ignored).</summary>
    /// <param name="name">The example's name, e.g. <c>api-startup</c>.</param>
    /// <returns>The example, or null when there is none by that name.</returns>
    public static ExampleScenario? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string wanted = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
        return All.FirstOrDefault(e => string.Equals(e.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static List<ExampleScenario> Load()
    {
        Assembly assembly = typeof(ExampleScenarios).Assembly;
        var examples = new List<ExampleScenario>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded example {resource} cannot be opened");
            using var reader = new StreamReader(stream);
            string yaml = reader.ReadToEnd();
            string name = resource[Prefix.Length..^".yaml".Length];
            examples.Add(new ExampleScenario(name, Summary(yaml), yaml));
        }

        return [.. examples.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    // The header's first sentence says what the company is; the rest of the header carries commands and sources.
    private static string Summary(string yaml)
    {
        IEnumerable<string> header = yaml.Split('\n')
            .Select(l => l.Trim())
            .TakeWhile(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim())
            .TakeWhile(l => l.Length > 0);
        string paragraph = string.Join(' ', header);
        int end = paragraph.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? paragraph : paragraph[..(end + 1)];
    }
}
