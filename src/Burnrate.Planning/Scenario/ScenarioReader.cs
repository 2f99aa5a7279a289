using Burnrate.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary>Reads a scenario YAML file (schema in docs/plan.md), failing with <c>file:line:column: field 'x' must be …, got "…"</c>.</summary>
public static class ScenarioReader
{
    /// <summary>Reads a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="deriver">Derives <c>from:</c> costs; null when the cost model is not available.</param>
    /// <param name="actuals">Loads <c>actuals:</c> history; null when no ledger is available.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="CatalogException">The file is missing, malformed or a field is invalid.</exception>
    public static PlanScenario ReadFile(string path, ICostDeriver? deriver = null, Actuals.IActualsSource? actuals = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(Catalog.Files.InputFile.ReadAllText(path, "scenario file"), path, deriver, actuals);
    }

    /// <summary>Parses scenario YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file name used in error locations.</param>
    /// <param name="deriver">Derives <c>from:</c> costs; null when the cost model is not available.</param>
    /// <param name="actuals">Loads <c>actuals:</c> history; null when no ledger is available.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="CatalogException">The YAML is malformed or a field is invalid.</exception>
    public static PlanScenario Read(string yaml, string file, ICostDeriver? deriver = null, Actuals.IActualsSource? actuals = null)
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
            throw new CatalogException($"{YamlFields.Locate(file, stream.Documents[1].RootNode)}: a scenario file holds one YAML document, found {stream.Documents.Count} (remove the '---' separator)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException($"{file}:1:1: a scenario file must be a mapping with name, start, months, cash, revenue, costs, …");
        }

        return new ScenarioBuilder(file, deriver, actuals).Build(root);
    }
}
