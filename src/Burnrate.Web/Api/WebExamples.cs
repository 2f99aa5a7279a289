using Burnrate.Catalog;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Examples;
using Burnrate.Planning.Fleet;
using Burnrate.Planning.Scenario;

namespace Burnrate.Web.Api;

/// <summary>
/// The embedded examples sorted by what they are: plan scenarios (the plan page and <c>POST /api/plan</c>) and fleet files (the fleet
/// page and <c>POST /api/fleet</c>). An example is whichever its reader accepts, found once per catalog.
/// </summary>
public sealed class WebExamples(BurnrateCatalog catalog)
{
    private readonly Lazy<IReadOnlyList<ExampleScenario>> _plans = new(() => [.. ExampleScenarios.All.Where(e => ReadsAsPlan(e, catalog))]);
    private readonly Lazy<IReadOnlyList<ExampleScenario>> _fleets = new(() => [.. ExampleScenarios.All.Where(e => ReadsAsFleet(e, catalog))]);

    /// <summary>Gets the plan scenarios.</summary>
    public IReadOnlyList<ExampleScenario> Plans => _plans.Value;

    /// <summary>Gets the fleet files.</summary>
    public IReadOnlyList<ExampleScenario> Fleets => _fleets.Value;

    /// <summary>Finds an example of one kind, or says what there is (nearest names first).</summary>
    /// <param name="examples">The examples of the kind asked for.</param>
    /// <param name="name">The name asked for.</param>
    /// <param name="kind">"plan scenario" or "fleet file", for the message.</param>
    /// <param name="error">Why there is none, or null.</param>
    /// <returns>The example, or null.</returns>
    public static ExampleScenario? Find(IReadOnlyList<ExampleScenario> examples, string name, string kind, out string? error)
    {
        ExampleScenario? found = examples.FirstOrDefault(e => string.Equals(e.Name, name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            error = null;
            return found;
        }

        IReadOnlyList<string> near = Suggestions.Nearest(name, examples.Select(e => e.Name));
        string other = ExampleScenarios.Find(name) is not null ? $"'{name}' is an example but not a {kind}; " : $"unknown example '{name}'; ";
        error = other + (near.Count > 0 ? $"did you mean {string.Join(", ", near)}?" : $"the {kind} examples are {string.Join(", ", examples.Select(e => e.Name))}");
        return null;
    }

    private static bool ReadsAsPlan(ExampleScenario example, BurnrateCatalog catalog)
    {
        try
        {
            ScenarioReader.Read(example.Yaml, example.Name + ".yaml", new RequestCostDeriver(catalog));
            return true;
        }
        catch (Exception e) when (e is CatalogException or InputException)
        {
            return false;
        }
    }

    private static bool ReadsAsFleet(ExampleScenario example, BurnrateCatalog catalog)
    {
        try
        {
            FleetReader.Read(example.Yaml, example.Name + ".yaml", CatalogModelsOnly.Serving(catalog, new ServingCapacityDeriver(catalog, EfficiencyFactors.Default, FleetApi.EfficiencySource)));
            return true;
        }
        catch (Exception e) when (e is CatalogException or InputException)
        {
            return false;
        }
    }
}
