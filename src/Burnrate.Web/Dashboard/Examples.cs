using System.Reflection;

namespace Burnrate.Web.Dashboard;

/// <summary>The example scenarios shipped in the repository's examples/ folder, embedded so the plan page can offer them by name (never by path).</summary>
internal static class Examples
{
    private static readonly Dictionary<string, string> Yaml = Load();

    /// <summary>Gets the example names, e.g. "api-startup".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Yaml.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets an example's YAML, or null when there is no such example.</summary>
    public static string? Find(string name) => Yaml.GetValueOrDefault(name);

    private static Dictionary<string, string> Load()
    {
        Assembly assembly = typeof(Examples).Assembly;
        var yaml = new Dictionary<string, string>(StringComparer.Ordinal);
        const string Prefix = "examples/";
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yaml[Path.GetFileNameWithoutExtension(name[Prefix.Length..])] = reader.ReadToEnd();
        }

        return yaml;
    }
}
