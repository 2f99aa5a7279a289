using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary>Builds a <see cref="PlanScenario"/> from a parsed YAML document, registering every number as a driver with a path.</summary>
internal sealed partial class ScenarioBuilder
{
    private static readonly Dictionary<string, RevenueKind> RevenueKinds = new(StringComparer.Ordinal) { ["usage"] = RevenueKind.Usage, ["subscription"] = RevenueKind.Subscription };

    private readonly string _file;
    private readonly ICostDeriver? _deriver;
    private readonly Actuals.IActualsSource? _actualsSource;
    private DateOnly _start;
    private int _months;

    public ScenarioBuilder(string file, ICostDeriver? deriver, Actuals.IActualsSource? actualsSource = null)
    {
        _file = file;
        _deriver = deriver;
        _actualsSource = actualsSource;
    }

    // The horizon's documented range: a start month from 1900-01 to 2200-12 and at most 1200 months, so every month label exists.
    private const int MinYear = 1900;
    private const int MaxYear = 2200;

    // The most entries in any list (revenue, training, capex, funding, triggers, correlations): the projection keeps a few
    // vectors per stream on the stack, and 150,000 streams overflowed it.
    internal const int MaxEntries = 1000;

    public PlanScenario Build(YamlMappingNode root)
    {
        var f = YamlFields.ForInput(root, _file);
        string name = f.RequiredString("name");
        ReadActuals(f);
        YamlNode? startNode = _actuals is null ? f.Required("start") : f.Find("start");
        if (startNode is null)
        {
            _start = _actuals!.NextMonth;
        }
        else if (!DateOnly.TryParseExact((startNode as YamlScalarNode)?.Value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _start)
            || _start.Year < MinYear || _start.Year > MaxYear)
        {
            throw Error(startNode, $"field 'start' must be a month YYYY-MM (no day) from {MinYear}-01 to {MaxYear}-12, got {YamlFields.Show(startNode)}");
        }

        _start = new DateOnly(_start.Year, _start.Month, 1);
        _months = f.RequiredPositiveInt("months");
        if (_months > 1200)
        {
            throw Error(f.Required("months"), $"field 'months' must be at most 1200, got \"{_months}\"");
        }

        int cash = Driver(f, root, "cash", "cash", DriverRule.Any, null);
        List<RevenueSource> revenue = Named(f, "revenue").Select(n => ReadStream(n.Node, n.Name)).ToList();
        YamlMappingNode costsNode = f.OptionalMapping("costs") ?? new YamlMappingNode();
        var costs = YamlFields.ForInput(costsNode, _file);
        (int costPerM, int costChange) = ReadInference(costs.OptionalMapping("inference"), costsNode);
        List<Expense> training = Named(costs, "training").Select(n => ReadTraining(n.Node, n.Name)).ToList();
        (int, int, int) staff = ReadStaff(costs.OptionalMapping("staff"), costsNode);
        int other = ReadOther(costs.OptionalMapping("other"), costsNode);
        List<Expense> capex = Named(costs, "capex").Select(n => ReadDated(n.Node, n.Name, "costs.capex", "depreciationYears", DriverRule.Positive, null)).ToList();
        costs.RejectUnknown("costs (allowed: inference, training, staff, other, capex)");
        List<Expense> funding = Named(f, "funding").Select(n => ReadDated(n.Node, n.Name, "funding", "probability", DriverRule.Probability, 1.0)).ToList();
        List<Trigger> triggers = Named(f, "triggers").Select(n => ReadTrigger(n.Node, n.Name)).ToList();
        var presets = ReadPresets(f.OptionalMapping("presets"));
        List<Correlation> correlations = ReadCorrelations(f.Find("correlations"));
        f.RejectUnknown("the scenario (allowed: name, start, months, cash, revenue, costs, funding, triggers, presets, correlations, actuals)");
        return new PlanScenario
        {
            Name = name,
            Start = _start,
            Months = _months,
            Drivers = _drivers,
            Cash = cash,
            Revenue = revenue,
            InferenceCostPerMillionTokens = costPerM,
            InferenceAnnualCostChange = costChange,
            Training = training,
            Staff = staff,
            OtherMonthlyUsd = other,
            Capex = capex,
            Funding = funding,
            Triggers = triggers,
            Presets = presets,
            Correlations = correlations,
            Assumptions = _actuals?.Notes ?? [],
        };
    }

    private List<(YamlMappingNode Node, string Name)> Named(YamlFields f, string key)
    {
        if (f.Find(key) is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            throw Error(node, $"field '{key}' must be a list of entries, got {YamlFields.Show(node)}");
        }

        if (list.Children.Count > MaxEntries)
        {
            throw Error(list.Children[MaxEntries], $"field '{key}' has {list.Children.Count} entries; a scenario list holds at most {MaxEntries}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<(YamlMappingNode, string)>();
        foreach (YamlNode item in list.Children)
        {
            var map = item as YamlMappingNode ?? throw Error(item, $"each entry of '{key}' must be a mapping of fields, got {YamlFields.Show(item)}");
            string name = YamlFields.ForInput(map, _file).RequiredString("name");
            if (!seen.Add(name) || name.Contains('.', StringComparison.Ordinal))
            {
                throw Error(item, $"entry name '{name}' in '{key}' must be unique and contain no '.'");
            }

            items.Add((map, name));
        }

        return items;
    }

    private RevenueSource ReadStream(YamlMappingNode node, string name)
    {
        var f = YamlFields.ForInput(node, _file);
        f.Find("name");
        RevenueKind kind = f.OptionalChoice("kind", RevenueKind.Usage, RevenueKinds);
        string p = "revenue." + name + ".";
        RevenueSource stream = kind == RevenueKind.Usage
            ? new RevenueSource(name, kind,
                Driver(f, node, "tokensPerMonth", p + "tokensPerMonth", DriverRule.NonNegative, null),
                Driver(f, node, "monthlyGrowth", p + "monthlyGrowth", DriverRule.Rate, 0),
                -1,
                Driver(f, node, "pricePerMillionTokens", p + "pricePerMillionTokens", DriverRule.NonNegative, null),
                Driver(f, node, "annualPriceChange", p + "annualPriceChange", DriverRule.Rate, 0),
                -1)
            : new RevenueSource(name, kind,
                Driver(f, node, "customers", p + "customers", DriverRule.NonNegative, null),
                Driver(f, node, "monthlyGrowth", p + "monthlyGrowth", DriverRule.Rate, 0),
                Driver(f, node, "monthlyChurn", p + "monthlyChurn", new DriverRule(0, 1, "a fraction in [0, 1]", true), 0),
                Driver(f, node, "pricePerMonth", p + "pricePerMonth", DriverRule.NonNegative, null),
                Driver(f, node, "annualPriceChange", p + "annualPriceChange", DriverRule.Rate, 0),
                Driver(f, node, "tokensPerCustomerPerMonth", p + "tokensPerCustomerPerMonth", DriverRule.NonNegative, 0));
        f.RejectUnknown($"revenue stream '{name}' ({kind.ToString().ToLowerInvariant()})");
        return stream;
    }

    private (int CostPerMillion, int Change) ReadInference(YamlMappingNode? node, YamlNode parent)
    {
        const string P = "costs.inference.";
        if (node is null)
        {
            return (Register(new Driver(P + "costPerMillionTokens", 0, null, false, YamlFields.Locate(_file, parent)), DriverRule.NonNegative),
                Register(new Driver(P + "annualCostChange", 0, null, false, YamlFields.Locate(_file, parent)), DriverRule.Rate));
        }

        var f = YamlFields.ForInput(node, _file);
        int cost = f.OptionalMapping("from") is { } from && from.Children.ContainsKey(new YamlScalarNode("fleet"))
            ? Register(FleetSeries(from), DriverRule.NonNegative)
            : f.OptionalMapping("from") is { } model
            ? Register(new Driver(P + "costPerMillionTokens", DeriveInference(model), null, false, YamlFields.Locate(_file, model)), DriverRule.NonNegative)
            : Driver(f, node, "costPerMillionTokens", P + "costPerMillionTokens", DriverRule.NonNegative, null);
        int change = Driver(f, node, "annualCostChange", P + "annualCostChange", DriverRule.Rate, 0);
        f.RejectUnknown("costs.inference (allowed: costPerMillionTokens or from, annualCostChange)");
        return (cost, change);
    }

    private Expense ReadTraining(YamlMappingNode node, string name)
    {
        var f = YamlFields.ForInput(node, _file);
        f.Find("name");
        string path = $"costs.training.{name}.costUsd";
        int month = Month(f, node, "month", $"training run '{name}'");
        int cost = f.OptionalMapping("from") is { } from
            ? Register(new Driver(path, DeriveTraining(from), null, false, YamlFields.Locate(_file, from)), DriverRule.NonNegative)
            : Driver(f, node, "costUsd", path, DriverRule.NonNegative, null);
        f.RejectUnknown($"training run '{name}' (allowed: name, month, costUsd or from)");
        return new Expense(name, month, cost, -1);
    }

    private Expense ReadDated(YamlMappingNode node, string name, string section, string extraKey, DriverRule extraRule, double? extraDefault)
    {
        var f = YamlFields.ForInput(node, _file);
        f.Find("name");
        int month = Month(f, node, "month", $"{section} '{name}'");
        int amount = Driver(f, node, "amountUsd", $"{section}.{name}.amountUsd", DriverRule.NonNegative, null);
        int extra = Driver(f, node, extraKey, $"{section}.{name}.{extraKey}", extraRule, extraDefault);
        f.RejectUnknown($"{section} '{name}' (allowed: name, month, amountUsd, {extraKey})");
        return new Expense(name, month, amount, extra);
    }

    private (int, int, int) ReadStaff(YamlMappingNode? node, YamlNode parent)
    {
        var f = YamlFields.ForInput(node ?? new YamlMappingNode(), _file);
        YamlNode at = node ?? parent;
        var staff = (Driver(f, at, "headcount", "costs.staff.headcount", DriverRule.NonNegative, 0),
            Driver(f, at, "hiresPerMonth", "costs.staff.hiresPerMonth", DriverRule.Any, 0),
            Driver(f, at, "loadedCostPerYear", "costs.staff.loadedCostPerYear", DriverRule.NonNegative, 0));
        f.RejectUnknown("costs.staff (allowed: headcount, hiresPerMonth, loadedCostPerYear)");
        return staff;
    }

    private int ReadOther(YamlMappingNode? node, YamlNode parent)
    {
        var f = YamlFields.ForInput(node ?? new YamlMappingNode(), _file);
        int other = Driver(f, node ?? parent, "monthlyUsd", "costs.other.monthlyUsd", DriverRule.NonNegative, 0);
        f.RejectUnknown("costs.other (allowed: monthlyUsd)");
        return other;
    }

    private Trigger ReadTrigger(YamlMappingNode node, string name)
    {
        var f = YamlFields.ForInput(node, _file);
        f.Find("name");
        YamlMappingNode when = f.OptionalMapping("when") ?? throw f.Error(node, $"trigger '{name}' needs 'when:' with runwayMonthsBelow or cashBelowUsd");
        YamlMappingNode action = f.OptionalMapping("action") ?? throw f.Error(node, $"trigger '{name}' needs 'action:' with raiseUsd (and closeMonths) or cutOpexPercent");
        var w = YamlFields.ForInput(when, _file);
        var a = YamlFields.ForInput(action, _file);
        double? runway = w.Find("runwayMonthsBelow") is { } r ? Number(r, "runwayMonthsBelow", DriverRule.Positive) : null;
        double? cashBelow = w.Find("cashBelowUsd") is { } c ? Number(c, "cashBelowUsd", DriverRule.Any) : null;
        w.RejectUnknown($"trigger '{name}' when (allowed: runwayMonthsBelow, cashBelowUsd)");
        if (runway is null && cashBelow is null)
        {
            throw Error(when, $"trigger '{name}' when: needs runwayMonthsBelow or cashBelowUsd");
        }

        double raise = a.Find("raiseUsd") is { } ra ? Number(ra, "raiseUsd", DriverRule.Positive) : 0;
        int close = a.OptionalInt("closeMonths", 0);
        double cut = a.Find("cutOpexPercent") is { } cu ? Number(cu, "cutOpexPercent", new DriverRule(double.Epsilon, 100, "a percentage in (0, 100]", false)) : 0;
        a.RejectUnknown($"trigger '{name}' action (allowed: raiseUsd, closeMonths, cutOpexPercent)");
        if (raise == 0 && cut == 0)
        {
            throw Error(action, $"trigger '{name}' action: needs raiseUsd or cutOpexPercent");
        }

        var trigger = new Trigger { Name = name, RunwayMonthsBelow = runway, CashBelowUsd = cashBelow, RaiseUsd = raise, CloseMonths = close, CutOpexPercent = cut, Repeat = f.OptionalBool("repeat", false) };
        f.RejectUnknown($"trigger '{name}' (allowed: name, when, action, repeat)");
        return trigger;
    }

    private double DeriveInference(YamlMappingNode from)
    {
        var f = YamlFields.ForInput(from, _file);
        var source = new InferenceCostSource(
            f.RequiredString("model"), f.RequiredString("gpu"), f.OptionalInt("gpus", 1, allowZero: false), f.OptionalString("weights"),
            Number(f.Required("input"), "from.input", DriverRule.Positive), Number(f.Required("output"), "from.output", DriverRule.Positive),
            f.OptionalInt("concurrency", 1, allowZero: false), f.Find("gpuHourUsd") is { } g ? Number(g, "from.gpuHourUsd", DriverRule.Positive) : null,
            f.Location(from));
        f.RejectUnknown("costs.inference.from (allowed: model, gpu, gpus, weights, input, output, concurrency, gpuHourUsd)");
        return Derive(from, d => d.DeriveInferenceCostPerMillionTokens(source).Value);
    }

    /// <summary>A fleet's cost per 1M tokens, month by month, as a series driver (docs/fleet.md, "Into plan").</summary>
    private Driver FleetSeries(YamlMappingNode from)
    {
        var f = YamlFields.ForInput(from, _file);
        string fleet = f.RequiredString("fleet");
        f.RejectUnknown("costs.inference.from with fleet (allowed: fleet)");
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".", fleet);
        var source = new FleetCostSource(path, _start, _months, f.Location(from));
        IReadOnlyList<double> series = [];
        Derive(from, d =>
        {
            series = d.DeriveFleetCostPerMillionTokens(source);
            return 0;
        });
        return new Driver("costs.inference.costPerMillionTokens", series[0], null, false, f.Location(from)) { Series = series };
    }

    private double DeriveTraining(YamlMappingNode from)
    {
        var f = YamlFields.ForInput(from, _file);
        var source = new TrainingCostSource(
            f.RequiredString("model"), Number(f.Required("tokens"), "from.tokens", DriverRule.Positive), f.RequiredString("gpu"),
            f.OptionalInt("gpus", 1, allowZero: false), f.Find("mfu") is { } m ? Number(m, "from.mfu", new DriverRule(0.001, 1, "a fraction in [0.001, 1]", false)) : null,
            f.Find("gpuHourUsd") is { } g ? Number(g, "from.gpuHourUsd", DriverRule.Positive) : null, f.Location(from));
        f.RejectUnknown("costs.training[].from (allowed: model, tokens, gpu, gpus, mfu, gpuHourUsd)");
        return Derive(from, d => d.DeriveTrainingCostUsd(source).Value);
    }

    private double Derive(YamlNode at, Func<ICostDeriver, double> derive)
    {
        if (_deriver is null)
        {
            throw Error(at, "from: needs the cost model (not wired yet); give the cost directly (costPerMillionTokens / costUsd)");
        }

        try
        {
            return derive(_deriver);
        }
        catch (CatalogException e) when (!e.Message.StartsWith(_file, StringComparison.Ordinal))
        {
            // An unknown model or accelerator id: the catalog's message (with its did-you-mean), located at the from: entry.
            throw Error(at, "from: " + e.Message);
        }
        catch (InputException e) when (e.Location is null)
        {
            // A bad field of the derivation's request (weights, gpus, price, layout) or an infeasible one, named as the request does.
            throw Error(at, "from: " + string.Join("; ", e.Lines(static field => field)));
        }
    }
}
