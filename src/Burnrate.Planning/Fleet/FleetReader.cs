using System.Globalization;
using Burnrate.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Fleet;

/// <summary>Reads a fleet YAML file (schema in docs/fleet.md), failing with <c>file:line:column: field 'x' must be …, got "…"</c>.</summary>
public static partial class FleetReader
{
    /// <summary>Reads a fleet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="serving">Resolves <c>serving: from:</c>; null when the cost model is not available.</param>
    /// <returns>The input (semantic checks: <see cref="FleetInput.Validate"/>).</returns>
    /// <exception cref="CatalogException">The file is missing, malformed or a field is invalid.</exception>
    public static FleetInput ReadFile(string path, IServingCapacity? serving = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(Catalog.Files.InputFile.ReadAllText(path, "fleet file"), path, serving);
    }

    /// <summary>Parses fleet YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file name for error locations (a demand trace is read relative to its folder).</param>
    /// <param name="serving">Resolves <c>serving: from:</c>; null when the cost model is not available.</param>
    /// <returns>The input.</returns>
    /// <exception cref="CatalogException">The YAML is malformed or a field is invalid.</exception>
    public static FleetInput Read(string yaml, string file, IServingCapacity? serving = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            Catalog.Files.YamlText.CheckCharacters(yaml, file);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CatalogException($"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message.Split('\n')[0].Trim()}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails on some malformed input without a location.
            throw new CatalogException($"{file}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count > 1)
        {
            throw new CatalogException($"{YamlFields.Locate(file, stream.Documents[1].RootNode)}: a fleet file holds one YAML document, found {stream.Documents.Count} (remove the '---' separator)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException($"{file}:1:1: a fleet file must be a mapping with name, horizon, demand, serving, options");
        }

        return new FleetYaml(file, serving).Build(root);
    }

    internal static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
