using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Planning.Simulation;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary>Presets and correlations: both address drivers by path.</summary>
internal sealed partial class ScenarioBuilder
{
    private static readonly string[] PresetOrder = ["best", "base", "worst"];

    private List<KeyValuePair<string, IReadOnlyDictionary<int, double>>> ReadPresets(YamlMappingNode? node)
    {
        var presets = new Dictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.Ordinal) { ["base"] = new Dictionary<int, double>() };
        foreach ((YamlNode keyNode, YamlNode valueNode) in node?.Children ?? new YamlMappingNode().Children)
        {
            string name = (keyNode as YamlScalarNode)?.Value ?? "";
            var overrides = new Dictionary<int, double>();
            var map = valueNode as YamlMappingNode ?? throw Error(valueNode, $"preset '{name}' must be a mapping of driver path: value, got {YamlFields.Show(valueNode)}");
            foreach ((YamlNode pathNode, YamlNode v) in map.Children)
            {
                int driver = Lookup(pathNode, $"preset '{name}'");
                Driver parsed = ParseDriver(v, _drivers[driver].Path, _rules[driver]);
                overrides[driver] = parsed.Central;
            }

            presets[name] = overrides;
        }

        return presets.OrderBy(p => Array.IndexOf(PresetOrder, p.Key) is var i and >= 0 ? i : PresetOrder.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    private List<Correlation> ReadCorrelations(YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        var list = node as YamlSequenceNode ?? throw Error(node, $"field 'correlations' must be a list of [driverA, driverB, rho], got {YamlFields.Show(node)}");
        if (list.Children.Count > MaxEntries)
        {
            throw Error(list.Children[MaxEntries], $"field 'correlations' has {list.Children.Count} entries; a scenario list holds at most {MaxEntries}");
        }

        var correlations = new List<Correlation>();
        var pairs = new Dictionary<(int, int), YamlNode>();
        foreach (YamlNode item in list.Children)
        {
            if (item is not YamlSequenceNode { Children.Count: 3 } triple)
            {
                throw Error(item, $"each correlation must be [driverA, driverB, rho], got {YamlFields.Show(item)}");
            }

            int a = Lookup(triple.Children[0], "correlations");
            int b = Lookup(triple.Children[1], "correlations");
            double rho = Number(triple.Children[2], "correlation", new DriverRule(-1, 1, "a correlation in [-1, 1]", false));
            foreach ((int d, YamlNode at) in new[] { (a, triple.Children[0]), (b, triple.Children[1]) })
            {
                if (!_drivers[d].IsUncertain)
                {
                    throw Error(at, $"driver '{_drivers[d].Path}' is a constant; a correlation needs two drivers with distributions");
                }
            }

            if (a == b || _drivers[a].PerMonth != _drivers[b].PerMonth)
            {
                throw Error(item, $"a correlation needs two different drivers drawn the same way (both once per path or both perMonth), got '{_drivers[a].Path}' and '{_drivers[b].Path}'");
            }

            if (!pairs.TryAdd((Math.Min(a, b), Math.Max(a, b)), item))
            {
                YamlNode first = pairs[(Math.Min(a, b), Math.Max(a, b))];
                throw Error(item, $"the correlation of '{_drivers[a].Path}' and '{_drivers[b].Path}' is already given on line {first.Start.Line}; give each pair once");
            }

            correlations.Add(new Correlation(a, b, rho));
        }

        foreach (bool perMonth in new[] { false, true })
        {
            if (CorrelationFactor.TryBuild(_drivers, correlations, perMonth, out _, out double smallest) is false)
            {
                throw Error(node, string.Create(CultureInfo.InvariantCulture,
                    $"the correlation matrix is not positive semi-definite (smallest eigenvalue {smallest:G3}); the correlations contradict each other — weaken one"));
            }
        }

        return correlations;
    }

    private int Lookup(YamlNode pathNode, string where)
    {
        string path = (pathNode as YamlScalarNode)?.Value ?? "";
        if (_paths.TryGetValue(path, out int index))
        {
            return index;
        }

        IReadOnlyList<string> near = Suggestions.Nearest(path, _paths.Keys);
        string hint = near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "; see docs/plan.md for driver paths";
        throw Error(pathNode, $"unknown driver path '{path}' in {where}{hint}");
    }
}
