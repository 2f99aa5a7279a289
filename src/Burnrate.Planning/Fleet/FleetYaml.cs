using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Fleet;

/// <summary>Builds a <see cref="FleetInput"/> from a parsed YAML document: horizon, demand and serving here; options and contracts beside.</summary>
internal sealed partial class FleetYaml
{
    private readonly string _file;
    private readonly IServingCapacity? _serving;
    private readonly List<ServingEntry> _servings = [];
    private string? _demandSource;

    public FleetYaml(string file, IServingCapacity? serving)
    {
        _file = file;
        _serving = serving;
    }

    public FleetInput Build(YamlMappingNode root)
    {
        var f = YamlFields.ForInput(root, _file);
        string name = f.RequiredString("name");
        YamlMappingNode horizon = Mapping(f, root, "horizon");
        var h = YamlFields.ForInput(horizon, _file);
        DateOnly start = Month(h, horizon, "start");
        int months = h.RequiredPositiveInt("months");
        h.RejectUnknown("horizon (allowed: start, months)");
        (double[] week, double growth, List<DemandScenario> scenarios) = Demand(Mapping(f, root, "demand"), start);
        ReadServing(f.Find("serving") ?? throw f.Error(root, "missing required field 'serving' (a list of {name, capacityTokensPerSecond or from})"));
        double headroom = f.Find("headroom") is { } hr ? Number(hr, "headroom", 0, 10) : 0;
        List<FleetOption> options = List(f, root, "options", true).Select(ReadOption).ToList();
        List<FleetContract> contracts = List(f, root, "contracts", false).Select(n => ReadContract(n, options, months)).ToList();
        f.RejectUnknown("the fleet file (allowed: name, horizon, demand, serving, headroom, options, contracts)");
        return new FleetInput
        {
            Name = name,
            Start = start,
            Months = months,
            WeekTokensPerSecond = week,
            MonthlyGrowth = growth,
            Scenarios = scenarios,
            Servings = _servings,
            Options = options,
            Headroom = headroom,
            Contracts = contracts,
            DemandSource = _demandSource,
        };
    }

    private (double[] Week, double Growth, List<DemandScenario> Scenarios) Demand(YamlMappingNode node, DateOnly start)
    {
        var f = YamlFields.ForInput(node, _file);
        double growth = f.Find("monthlyGrowth") is { } g ? Number(g, "demand.monthlyGrowth", -0.99, 10) : 0;
        double[] week;
        if (f.Find("plan") is { } plan)
        {
            (week, growth) = FromPlan(f, node, plan, start);
        }
        else if (f.Find("trace") is { } trace)
        {
            week = Trace(trace);
        }
        else
        {
            double level = Number(f.Required("tokensPerSecond"), "demand.tokensPerSecond", 0, double.MaxValue);
            double[] profile = Profile(f, node);
            week = [.. profile.Select(p => level * p)];
        }

        var scenarios = new List<DemandScenario>();
        foreach (YamlMappingNode s in Items(f, "scenarios", "demand.scenarios"))
        {
            var sf = YamlFields.ForInput(s, _file);
            scenarios.Add(new DemandScenario(sf.RequiredString("name"), Number(sf.Required("monthlyGrowth"), "monthlyGrowth", -0.99, 10), Number(sf.Required("probability"), "probability", 0, 1)));
            sf.RejectUnknown("a demand scenario (allowed: name, monthlyGrowth, probability)");
        }

        f.RejectUnknown("demand (allowed: tokensPerSecond, weekly or daily, trace, plan, monthlyGrowth, scenarios)");
        return (week, growth, scenarios);
    }

    /// <summary><c>demand.plan: {file, revenue}</c>: the level and growth of a plan's token driver, shaped by the daily or weekly profile so
    /// that a month's tokens are the plan's (the profile's mean hour carries the average rate).</summary>
    private (double[] Week, double Growth) FromPlan(YamlFields f, YamlNode parent, YamlNode plan, DateOnly start)
    {
        foreach (string other in new[] { "tokensPerSecond", "trace", "monthlyGrowth" })
        {
            if (f.Find(other) is { } clash)
            {
                throw Error(clash, $"demand takes its level and growth from demand.plan; give '{other}' or plan, not both");
            }
        }

        var map = plan as YamlMappingNode ?? throw Error(plan, $"field 'demand.plan' must be a mapping {{file: PLAN.yaml, revenue: STREAM}}, got {YamlFields.Show(plan)}");
        var pf = YamlFields.ForInput(map, _file);
        string file = pf.RequiredString("file");
        string? stream = pf.OptionalString("revenue");
        pf.RejectUnknown("demand.plan (allowed: file, revenue)");
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".", file);
        (double tokensPerMonth, double growth, string source) result;
        try
        {
            result = PlanDemand.Read(path, stream, start);
        }
        catch (InputException e) when (e.Location is null)
        {
            throw Error(plan, "demand.plan: " + string.Join("; ", e.Lines(field => field)));
        }

        if (!(result.growth > -1 && result.growth <= 10))
        {
            throw Error(plan, $"demand.plan: the plan's monthly growth {FleetReader.Show(result.growth)} is outside (-1, 10]");
        }

        double[] profile = Profile(f, parent);
        double mean = profile.Average();
        if (mean <= 0)
        {
            throw Error(parent, "demand.plan needs a daily or weekly profile with some hour above 0");
        }

        double level = result.tokensPerMonth / (PlanDemand.HoursPerMonth * 3600) / mean;
        _demandSource = result.source;
        return ([.. profile.Select(p => level * p)], result.growth);
    }

    private double[] Profile(YamlFields f, YamlNode parent)
    {
        YamlNode? weekly = f.Find("weekly"), daily = f.Find("daily");
        if (weekly is not null && daily is not null)
        {
            throw f.Error(parent, "give either 'weekly' (168 multipliers or flat) or 'daily' (24 multipliers), not both");
        }

        if (daily is not null)
        {
            double[] day = Multipliers(daily, "demand.daily", 24);
            return [.. Enumerable.Range(0, 168).Select(w => day[w % 24])];
        }

        return weekly is null or YamlScalarNode { Value: "flat" } ? [.. Enumerable.Repeat(1.0, 168)] : Multipliers(weekly, "demand.weekly", 168);
    }

    private double[] Multipliers(YamlNode node, string field, int count)
    {
        double[] values = node is YamlSequenceNode list ? [.. list.Children.Select(c => Number(c, field, 0, double.MaxValue))] : [];
        return values.Length == count ? values : throw Error(node, $"field '{field}' must be a list of {count} multipliers (hour 0 = Monday 00:00){(count == 168 ? " or flat" : "")}, got {(node is YamlSequenceNode l ? l.Children.Count + " values" : YamlFields.Show(node))}");
    }

    private double[] Trace(YamlNode node)
    {
        string path = (node as YamlScalarNode)?.Value ?? throw Error(node, "field 'demand.trace' must be a CSV file name (hour,tokensPerSecond)");
        string full = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".", path);
        if (!File.Exists(full))
        {
            throw Error(node, $"demand.trace file '{path}' not found");
        }

        string[] lines = [.. File.ReadAllLines(full).Where(l => l.Trim().Length > 0)];
        if (lines.Length == 0 || lines[0].Replace(" ", "", StringComparison.Ordinal) != "hour,tokensPerSecond")
        {
            throw Error(node, $"{path}:1: the header must be 'hour,tokensPerSecond'");
        }

        var values = new double?[168];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            bool ok = cells.Length == 2 && int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int hour) && hour is >= 0 and < 168
                && double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double tps) && tps >= 0 && values[hour] is null;
            if (!ok)
            {
                throw Error(node, $"{path}:{i + 1}: each row must be an hour of the week 0..167 (once each) and tokens per second ≥ 0, got \"{lines[i]}\"");
            }

            values[int.Parse(cells[0], CultureInfo.InvariantCulture)] = double.Parse(cells[1], CultureInfo.InvariantCulture);
        }

        int rows = values.Count(v => v is not null);
        return rows switch
        {
            168 => [.. values.Select(v => v ?? 0)],
            24 when values.Take(24).All(v => v is not null) => [.. Enumerable.Range(0, 168).Select(w => values[w % 24] ?? 0)],
            _ => throw Error(node, $"{path}: give hours 0..167 (a week) or 0..23 (a day, repeated), got {rows} rows"),
        };
    }

    private void ReadServing(YamlNode node)
    {
        YamlNode[] entries = node is YamlSequenceNode list ? [.. list.Children] : node is YamlMappingNode ? [node] : throw Error(node, "field 'serving' must be a list of entries");
        foreach (YamlNode entry in entries)
        {
            var map = entry as YamlMappingNode ?? throw Error(entry, "each serving entry must be a mapping {name, capacityTokensPerSecond or from}");
            var f = YamlFields.ForInput(map, _file);
            string name = f.OptionalString("name") ?? "default";
            if (_servings.Any(s => s.Name == name))
            {
                throw Error(entry, $"serving name '{name}' is used twice");
            }

            if (f.OptionalMapping("from") is { } from)
            {
                _servings.Add(Derive(name, from));
            }
            else
            {
                double capacity = f.Quantity("capacityTokensPerSecond", f.Required("capacityTokensPerSecond"), [], "");
                _servings.Add(new ServingEntry(name, capacity, "given: serving." + name + ".capacityTokensPerSecond"));
            }

            f.RejectUnknown($"serving '{name}' (allowed: name, capacityTokensPerSecond or from)");
        }
    }

    private ServingEntry Derive(string name, YamlMappingNode from)
    {
        var f = YamlFields.ForInput(from, _file);
        var source = new ServingSource(name, f.RequiredString("model"), f.RequiredString("gpu"), f.OptionalInt("gpus", 1, allowZero: false), f.OptionalString("weights"),
            f.RequiredPositiveInt("input"), f.RequiredPositiveInt("output"), Seconds(f, "sloTtft"), Seconds(f, "sloTpot"), f.Location(from));
        f.RejectUnknown("serving.from (allowed: model, gpu, gpus, weights, input, output, sloTtft, sloTpot)");
        if (_serving is null)
        {
            throw Error(from, "serving.from needs the cost model; give capacityTokensPerSecond instead");
        }

        try
        {
            return _serving.Resolve(source);
        }
        catch (CatalogException e) when (!e.Message.StartsWith(_file, StringComparison.Ordinal))
        {
            throw Error(from, "serving.from: " + e.Message);
        }
        catch (InputException e) when (e.Location is null)
        {
            throw Error(from, "serving.from: " + string.Join("; ", e.Lines(field => field)));
        }
    }

    private double Seconds(YamlFields f, string key)
    {
        YamlNode node = f.Required(key);
        return DurationText.TryParseSeconds((node as YamlScalarNode)?.Value, out double s) && s > 0 ? s : throw Error(node, $"field '{key}' must be a duration such as 2s or 50ms, got {YamlFields.Show(node)}");
    }
}
