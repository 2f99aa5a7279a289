using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary>Driver, distribution, number and month parsing.</summary>
internal sealed partial class ScenarioBuilder
{
    private static readonly Dictionary<string, DistributionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["normal"] = DistributionKind.Normal,
        ["lognormal"] = DistributionKind.LogNormal,
        ["triangular"] = DistributionKind.Triangular,
        ["pert"] = DistributionKind.Pert,
        ["uniform"] = DistributionKind.Uniform,
        ["discrete"] = DistributionKind.Discrete,
    };

    private readonly List<Driver> _drivers = [];
    private readonly List<DriverRule> _rules = [];
    private readonly Dictionary<string, int> _paths = new(StringComparer.Ordinal);

    /// <summary>Registers the driver at <paramref name="f"/>[<paramref name="key"/>] under <paramref name="path"/>; a missing optional one becomes the constant <paramref name="fallback"/>.</summary>
    private int Driver(YamlFields f, YamlNode parent, string key, string path, DriverRule rule, double? fallback)
    {
        YamlNode? node = f.Find(key);
        if (node is null)
        {
            return fallback is { } value
                ? Register(new Driver(path, value, null, false, f.Location(parent)), rule)
                : throw f.Error(parent, $"missing required field '{key}' ({path})");
        }

        return Register(ParseDriver(node, path, rule), rule);
    }

    private int Register(Driver driver, DriverRule rule)
    {
        _paths[driver.Path] = _drivers.Count;
        _drivers.Add(driver);
        _rules.Add(rule);
        return _drivers.Count - 1;
    }

    private Driver ParseDriver(YamlNode node, string path, DriverRule rule)
    {
        if (node is YamlMappingNode refMap && TryActualDriver(refMap, path, rule, out Driver? fromActuals))
        {
            return fromActuals!;
        }

        string location = YamlFields.Locate(_file, node);
        if (node is YamlMappingNode map)
        {
            if (!rule.AllowDistribution)
            {
                throw Error(node, $"field '{path}' must be {rule.Allowed} (not a distribution), got a mapping");
            }

            (Distribution dist, bool perMonth) = ParseDistribution(map, path, rule);
            return new Driver(path, dist.Median, dist, perMonth, location);
        }

        return new Driver(path, Number(node, path, rule), null, false, location);
    }

    private (Distribution Dist, bool PerMonth) ParseDistribution(YamlMappingNode map, string path, DriverRule rule)
    {
        var g = YamlFields.ForInput(map, _file);
        YamlNode kindNode = g.Find("dist") ?? throw Error(map, $"field '{path}' is a mapping, so it needs 'dist:' (one of {string.Join(", ", Kinds.Keys)})");
        string kindText = (kindNode as YamlScalarNode)?.Value?.ToLowerInvariant() ?? "";
        if (!Kinds.TryGetValue(kindText, out DistributionKind kind))
        {
            throw Error(kindNode, $"field '{path}.dist' must be one of {string.Join(", ", Kinds.Keys)}, got {YamlFields.Show(kindNode)}");
        }

        double Field(string key, DriverRule r) => Number(g.Required(key), $"{path}.{key}", r);
        Distribution dist;
        switch (kind)
        {
            case DistributionKind.Normal:
                dist = new(kind, Field("mean", DriverRule.Any), Field("sd", DriverRule.NonNegative), 0, [], []);
                break;
            case DistributionKind.LogNormal:
                double mu = g.Find("median") is { } median ? Math.Log(Number(median, $"{path}.median", DriverRule.Positive)) : Field("mu", new DriverRule(-100, 41.4, "a mu in [-100, 41.4] (a median up to 1e18)", false));
                dist = new(kind, mu, Field("sigma", DriverRule.Sigma), 0, [], []);
                break;
            case DistributionKind.Triangular or DistributionKind.Pert:
                double min = Field("min", rule), mode = Field("mode", rule), max = Field("max", rule);
                if (!(min <= mode && mode <= max && min < max))
                {
                    throw Error(map, $"field '{path}' must have min ≤ mode ≤ max and min < max, got min {Show(min)}, mode {Show(mode)}, max {Show(max)}");
                }

                dist = new(kind, min, mode, max, [], []);
                break;
            case DistributionKind.Uniform:
                double lo = Field("min", rule), hi = Field("max", rule);
                dist = lo < hi ? new(kind, lo, hi, 0, [], []) : throw Error(map, $"field '{path}' must have min < max, got min {Show(lo)}, max {Show(hi)}");
                break;
            default:
                dist = ParseDiscrete(g, map, path, rule);
                break;
        }

        bool perMonth = g.OptionalBool("perMonth", false);
        g.RejectUnknown($"the distribution of '{path}'");
        return (dist, perMonth);
    }

    private Distribution ParseDiscrete(YamlFields g, YamlMappingNode map, string path, DriverRule rule)
    {
        List<double> values = NumberList(g.Required("values"), $"{path}.values", rule);
        List<double> probabilities = g.Find("probabilities") is { } pNode
            ? NumberList(pNode, $"{path}.probabilities", DriverRule.Probability)
            : values.Select(_ => 1.0 / values.Count).ToList();
        if (values.Count == 0 || probabilities.Count != values.Count || Math.Abs(probabilities.Sum() - 1) > 1e-6)
        {
            throw Error(map, $"field '{path}' must list values and as many probabilities summing to 1, got {values.Count} values and {probabilities.Count} probabilities summing to {Show(probabilities.Sum())}");
        }

        var pairs = values.Zip(probabilities).OrderBy(p => p.First).ToList();
        double cumulative = 0;
        var cdf = new List<double>();
        foreach ((_, double p) in pairs)
        {
            cumulative += p;
            cdf.Add(cumulative);
        }

        cdf[^1] = 1;
        return new Distribution(DistributionKind.Discrete, 0, 0, 0, pairs.Select(p => p.First).ToList(), cdf);
    }

    private List<double> NumberList(YamlNode node, string field, DriverRule rule) =>
        node is YamlSequenceNode list
            ? list.Children.Select(n => Number(n, field, rule)).ToList()
            : throw Error(node, $"field '{field}' must be a list of numbers, got {YamlFields.Show(node)}");

    private double Number(YamlNode node, string field, DriverRule rule)
    {
        string? text = (node as YamlScalarNode)?.Value;
        return QuantityText.TryParse(text, [], out double value) && rule.Accepts(value)
            ? value
            : throw Error(node, $"field '{field}' must be {rule.Allowed}, got {YamlFields.Show(node)}");
    }

    /// <summary>Reads a YYYY-MM month and returns its index from the start, which must fall inside the horizon.</summary>
    private int Month(YamlFields f, YamlNode parent, string key, string what)
    {
        YamlNode node = f.Find(key) ?? throw f.Error(parent, $"missing required field '{key}' in {what}");
        string? text = (node as YamlScalarNode)?.Value;
        if (!DateOnly.TryParseExact(text, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            throw Error(node, $"field '{key}' in {what} must be a month YYYY-MM, got {YamlFields.Show(node)}");
        }

        int index = ((date.Year - _start.Year) * 12) + date.Month - _start.Month;
        return index >= 0 && index < _months
            ? index
            : throw Error(node, $"field '{key}' in {what} must be a month inside the horizon {Label(0)}..{Label(_months - 1)}, got {YamlFields.Show(node)}");
    }

    private string Label(int index) => _start.AddMonths(index).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private InputException Error(YamlNode node, string message) => YamlFields.InputError(_file, node, message);

    private static string Show(double value) => NumberText.Significant(value, 6);
}
