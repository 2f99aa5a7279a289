using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Fleet;

/// <summary>Options and contracts, and the shared field helpers.</summary>
internal sealed partial class FleetYaml
{
    private static readonly Dictionary<string, OptionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["owned"] = OptionKind.Owned, ["reserved"] = OptionKind.Reserved, ["on-demand"] = OptionKind.OnDemand, ["spot"] = OptionKind.Spot, ["api"] = OptionKind.Api,
    };

    private static readonly Dictionary<OptionKind, string[]> Allowed = new()
    {
        [OptionKind.Owned] = ["purchaseUsd", "depreciationYears", "leadTimeMonths", "powerKw", "pue", "electricityUsdPerKwh", "colocationUsdPerKwMonth", "staffUsdPerMonth", "fixedUsdPerMonth"],
        [OptionKind.Reserved] = ["usdPerUnitHour", "termMonths", "upfrontUsd"],
        [OptionKind.OnDemand] = ["usdPerUnitHour"],
        [OptionKind.Spot] = ["usdPerUnitHour", "interruptionsPerHour", "restartMinutes"],
        [OptionKind.Api] = ["usdPerMillionTokens", "inputUsdPerMillionTokens", "outputUsdPerMillionTokens", "outputShare"],
    };

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Rejects a key outside <paramref name="allowed"/> before any required field is missed, so a typo names itself.</summary>
    private void CheckKeys(YamlMappingNode node, string[] allowed, string what)
    {
        foreach ((YamlNode key, _) in node.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                string near = Suggestions.Nearest(name, allowed) is { Count: > 0 } n ? $"; did you mean {string.Join(", ", n)}?" : "";
                throw Error(key, $"unknown field '{name}' in {what}{near}");
            }
        }
    }

    private FleetOption ReadOption(YamlMappingNode node)
    {
        var f = YamlFields.ForInput(node, _file);
        string name = Unique(f, node);
        YamlNode kindNode = f.Required("kind");
        if (!Kinds.TryGetValue((kindNode as YamlScalarNode)?.Value ?? "", out OptionKind kind))
        {
            throw Error(kindNode, $"field 'kind' must be one of {string.Join(", ", Kinds.Keys)}, got {YamlFields.Show(kindNode)}");
        }

        CheckKeys(node, ["name", "kind", "serving", "maxUnits", .. Allowed[kind]], $"option '{name}' ({FleetReportBuilder.Kind(kind)}; allowed: {string.Join(", ", Allowed[kind])})");
        double Field(string key, double fallback = double.NaN) => f.Find(key) is { } n ? Number(n, key, 0, double.MaxValue)
            : double.IsNaN(fallback) ? throw f.Error(node, $"option '{name}' ({FleetReportBuilder.Kind(kind)}) needs '{key}'") : fallback;
        var option = new FleetOption
        {
            Name = name,
            Kind = kind,
            Location = f.Location(node),
            Serving = kind == OptionKind.Api ? -1 : ServingIndex(f, node, name),
            MaxUnits = f.Find("maxUnits") is not null ? f.OptionalInt("maxUnits", 0) : null,
        };
        option = kind switch
        {
            OptionKind.Owned => Owned(f, node, option, Field),
            OptionKind.Reserved => option with { UsdPerUnitHour = Field("usdPerUnitHour"), TermMonths = f.OptionalInt("termMonths", 12, allowZero: false), UpfrontUsd = Field("upfrontUsd", 0) },
            OptionKind.OnDemand => option with { UsdPerUnitHour = Field("usdPerUnitHour") },
            OptionKind.Spot => option with { UsdPerUnitHour = Field("usdPerUnitHour"), EffectiveShare = 1 - (Field("interruptionsPerHour", 0) * Field("restartMinutes", 0) / 60) },
            _ => option with { UsdPerMillionTokens = ApiPrice(f, node, name, Field) },
        };
        f.RejectUnknown($"option '{name}'");
        return option;
    }

    private static FleetOption Owned(YamlFields f, YamlNode node, FleetOption option, Func<string, double, double> field)
    {
        int lead = f.OptionalInt("leadTimeMonths", 0);
        if (f.Find("fixedUsdPerMonth") is not null)
        {
            return option with { OwnedUsdPerMonth = field("fixedUsdPerMonth", double.NaN), LeadTimeMonths = lead };
        }

        double purchase = field("purchaseUsd", double.NaN), years = field("depreciationYears", double.NaN);
        if (years <= 0)
        {
            throw f.Error(node, $"option '{option.Name}': depreciationYears must be > 0");
        }

        double kw = field("powerKw", 0);
        return option with
        {
            LeadTimeMonths = lead,
            OwnedUsdPerMonth = (purchase / (years * 12)) + (field("colocationUsdPerKwMonth", 0) * kw) + field("staffUsdPerMonth", 0),
            OwnedPowerUsdPerHour = kw * field("pue", 1) * field("electricityUsdPerKwh", 0),
        };
    }

    private static double ApiPrice(YamlFields f, YamlNode node, string name, Func<string, double, double> field)
    {
        if (f.Find("usdPerMillionTokens") is not null)
        {
            return field("usdPerMillionTokens", double.NaN);
        }

        if (f.Find("inputUsdPerMillionTokens") is null)
        {
            throw f.Error(node, $"option '{name}' (api) needs usdPerMillionTokens, or inputUsdPerMillionTokens, outputUsdPerMillionTokens and outputShare");
        }

        double output = field("outputShare", double.NaN);
        return output > 1 ? throw f.Error(node, $"option '{name}': outputShare must be a fraction in [0, 1]")
            : ((1 - output) * field("inputUsdPerMillionTokens", double.NaN)) + (output * field("outputUsdPerMillionTokens", double.NaN));
    }

    private FleetContract ReadContract(YamlMappingNode node, List<FleetOption> options, int months)
    {
        var f = YamlFields.ForInput(node, _file);
        string name = Unique(f, node);
        int api = -1, serving = -1;
        if (f.OptionalString("api") is { } apiName)
        {
            api = options.FindIndex(o => o.Name == apiName && o.Kind == OptionKind.Api);
            api = api >= 0 ? api : throw Error(f.Required("api"), $"contract '{name}': api '{apiName}' is not an api option; options: {string.Join(", ", options.Where(o => o.Kind == OptionKind.Api).Select(o => o.Name))}");
        }
        else
        {
            serving = ServingIndex(f, node, name);
        }

        double? discount = f.Find("discount") is { } d ? Number(d, "discount", 0, 0.9999) : null;
        double basePrice = serving >= 0 ? BasePrice(f, node, name, options, discount) : 0;
        List<ContractTier> tiers = serving < 0 ? [new ContractTier(0, 0)]
            : f.Find("tiers") is null ? [new ContractTier(0, basePrice)]
            : [.. Items(f, "tiers", "tiers").Select(t => Tier(t, basePrice))];
        var contract = new FleetContract
        {
            Name = name,
            Serving = serving,
            ApiOption = api,
            TermMonths = f.OptionalInt("termMonths", months, allowZero: false),
            Tiers = tiers,
            Discount = serving < 0 ? discount ?? 0 : 0,
            EscalatorPerYear = f.Find("escalatorPerYear") is { } e ? Number(e, "escalatorPerYear", -0.99, 10) : 0,
            FlexPerQuarter = f.Find("flexPerQuarter") is { } x ? Number(x, "flexPerQuarter", 0, 1) : null,
            Commitment = f.Find("commit") is { } c ? Number(c, "commit", 0, double.MaxValue) : null,
            MaxUnits = f.Find("maxUnits") is not null ? f.OptionalInt("maxUnits", 0) : null,
            Location = f.Location(node),
        };
        f.RejectUnknown($"contract '{name}' (allowed: name, serving or api, usdPerUnitHour or discount with of, tiers, termMonths, escalatorPerYear, flexPerQuarter, commit, maxUnits)");
        return contract;
    }

    private double BasePrice(YamlFields f, YamlNode node, string name, List<FleetOption> options, double? discount)
    {
        if (f.Find("usdPerUnitHour") is { } price)
        {
            return Number(price, "usdPerUnitHour", 0, double.MaxValue);
        }

        string of = f.OptionalString("of") ?? throw f.Error(node, $"contract '{name}' needs usdPerUnitHour, or discount and 'of' (an option whose usdPerUnitHour it discounts)");
        FleetOption? listed = options.Find(o => o.Name == of && o.UsdPerUnitHour > 0);
        return listed is null ? throw Error(f.Required("of"), $"contract '{name}': 'of' must name an option with usdPerUnitHour; options: {string.Join(", ", options.Where(o => o.UsdPerUnitHour > 0).Select(o => o.Name))}")
            : listed.UsdPerUnitHour * (1 - (discount ?? 0));
    }

    private ContractTier Tier(YamlMappingNode node, double basePrice)
    {
        var f = YamlFields.ForInput(node, _file);
        int from = f.OptionalInt("fromUnits", 0);
        double price = f.Find("usdPerUnitHour") is { } p ? Number(p, "usdPerUnitHour", 0, double.MaxValue)
            : f.Find("discount") is { } d ? basePrice * (1 - Number(d, "discount", 0, 0.9999))
            : throw f.Error(node, "a tier needs fromUnits and usdPerUnitHour or discount");
        f.RejectUnknown("a tier (allowed: fromUnits, usdPerUnitHour or discount)");
        return new ContractTier(from, price);
    }

    private int ServingIndex(YamlFields f, YamlNode node, string owner)
    {
        string? name = f.OptionalString("serving");
        if (name is null && _servings.Count == 1)
        {
            return 0;
        }

        int index = _servings.FindIndex(s => s.Name == name);
        return index >= 0 ? index : throw Error(f.Find("serving") ?? node, $"'{owner}' needs 'serving' naming a serving entry; entries: {string.Join(", ", _servings.Select(s => s.Name))}");
    }

    private string Unique(YamlFields f, YamlNode node)
    {
        string name = f.RequiredString("name");
        return _names.Add(name) ? name : throw Error(node, $"name '{name}' is used twice among options and contracts");
    }

    private static YamlMappingNode Mapping(YamlFields f, YamlNode parent, string key) =>
        f.OptionalMapping(key) ?? throw f.Error(parent, $"missing required field '{key}'");

    private List<YamlMappingNode> List(YamlFields f, YamlNode parent, string key, bool required)
    {
        if (f.Find(key) is null && required)
        {
            throw f.Error(parent, $"missing required field '{key}' (a list)");
        }

        return Items(f, key, key);
    }

    private List<YamlMappingNode> Items(YamlFields f, string key, string field)
    {
        if (f.Find(key) is not { } node)
        {
            return [];
        }

        return node is YamlSequenceNode list
            ? [.. list.Children.Select(c => c as YamlMappingNode ?? throw Error(c, $"each entry of '{field}' must be a mapping of fields, got {YamlFields.Show(c)}"))]
            : throw Error(node, $"field '{field}' must be a list of entries, got {YamlFields.Show(node)}");
    }

    private double Number(YamlNode node, string field, double min, double max)
    {
        string? text = (node as YamlScalarNode)?.Value;
        return QuantityText.TryParse(text, [], out double value) && value >= min && value <= max
            ? value
            : throw Error(node, $"field '{field}' must be a number in [{FleetReader.Show(min)}, {(max == double.MaxValue ? "∞" : FleetReader.Show(max))}], got {YamlFields.Show(node)}");
    }

    private DateOnly Month(YamlFields f, YamlNode parent, string key)
    {
        YamlNode node = f.Find(key) ?? throw f.Error(parent, $"missing required field '{key}'");
        return DateOnly.TryParseExact((node as YamlScalarNode)?.Value, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d)
            ? new DateOnly(d.Year, d.Month, 1)
            : throw Error(node, $"field '{key}' must be a month YYYY-MM, got {YamlFields.Show(node)}");
    }

    private InputException Error(YamlNode node, string message) => YamlFields.InputError(_file, node, message);
}
