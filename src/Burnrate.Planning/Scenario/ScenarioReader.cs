using Burnrate.Catalog;
using Burnrate.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary>
/// Reads a scenario YAML file (schema in docs/plan.md). Bad input is Core's <see cref="InputException"/>, located at the file, line
/// and column (<c>file:line:column: field 'x' must be …, got "…"</c>), as for every other non-catalog input; an unknown model or
/// accelerator id in a <c>from:</c> entry is located there too, with the catalog's nearest ids.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Reads a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="deriver">Derives <c>from:</c> costs; null when the cost model is not available.</param>
    /// <param name="actuals">Loads <c>actuals:</c> history; null when no ledger is available.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InputException">The file is missing, too large, malformed or a field is invalid.</exception>
    public static PlanScenario ReadFile(string path, ICostDeriver? deriver = null, Actuals.IActualsSource? actuals = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = Catalog.Files.InputFile.ReadAllText(path, "scenario file");
        }
        catch (CatalogException e)
        {
            throw new InputException(e.Message, e);
        }

        return Read(yaml, path, deriver, actuals);
    }

    /// <summary>Parses scenario YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file name used in error locations.</param>
    /// <param name="deriver">Derives <c>from:</c> costs; null when the cost model is not available.</param>
    /// <param name="actuals">Loads <c>actuals:</c> history; null when no ledger is available.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InputException">The YAML is malformed or a field is invalid.</exception>
    public static PlanScenario Read(string yaml, string file, ICostDeriver? deriver = null, Actuals.IActualsSource? actuals = null)
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
            throw YamlFields.InputError(file, stream.Documents[1].RootNode, $"a scenario file holds one YAML document, found {stream.Documents.Count} (remove the '---' separator)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException([new FieldError("", "", "a scenario file must be a mapping with name, start, months, cash, revenue, costs, …")], new SourceLocation(file, 1, 1));
        }

        return new ScenarioBuilder(file, deriver, actuals).Build(root);
    }

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);
}
