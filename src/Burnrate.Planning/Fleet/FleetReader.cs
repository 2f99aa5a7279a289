using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// Reads a fleet YAML file (schema in docs/fleet.md). Bad input is Core's <see cref="InputException"/>, located at the file, line and
/// column (<c>file:line:column: field 'x' must be …, got "…"</c>), as for every other non-catalog input.
/// </summary>
public static partial class FleetReader
{
    /// <summary>Reads a fleet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="serving">Resolves <c>serving: from:</c>; null when the cost model is not available.</param>
    /// <returns>The input (semantic checks: <see cref="FleetInput.Validate"/>).</returns>
    /// <exception cref="InputException">The file is missing, too large, malformed or a field is invalid.</exception>
    public static FleetInput ReadFile(string path, IServingCapacity? serving = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = Catalog.Files.InputFile.ReadAllText(path, "fleet file");
        }
        catch (CatalogException e)
        {
            throw new InputException(e.Message, e);
        }

        return Read(yaml, path, serving);
    }

    /// <summary>Parses fleet YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file name for error locations (a demand trace is read relative to its folder).</param>
    /// <param name="serving">Resolves <c>serving: from:</c>; null when the cost model is not available.</param>
    /// <returns>The input.</returns>
    /// <exception cref="InputException">The YAML is malformed or a field is invalid.</exception>
    public static FleetInput Read(string yaml, string file, IServingCapacity? serving = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            Catalog.Files.YamlText.CheckCharacters(yaml, file);
            stream.Load(new StringReader(yaml));
        }
        catch (CatalogException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (YamlException e)
        {
            throw new InputException([new FieldError("", "", "not valid YAML: " + e.Message.Split('\n')[0].Trim())], new SourceLocation(file, Clamp(e.Start.Line), Clamp(e.Start.Column)));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails on some malformed input without a location.
            throw new InputException([new FieldError("", "", "not valid YAML: " + e.Message)], new SourceLocation(file));
        }

        if (stream.Documents.Count > 1)
        {
            throw YamlFields.InputError(file, stream.Documents[1].RootNode, $"a fleet file holds one YAML document, found {stream.Documents.Count} (remove the '---' separator)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException([new FieldError("", "", "a fleet file must be a mapping with name, horizon, demand, serving, options")], new SourceLocation(file, 1, 1));
        }

        return new FleetYaml(file, serving).Build(root) with { SourceFile = file };
    }

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);

    internal static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
