using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Catalog;

/// <summary>Reads typed fields from a YAML mapping, failing with <c>file:line:column: field 'x' must be …, got "…"</c>.</summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(YamlMappingNode node, string file)
    {
        _node = node;
        _file = file;
    }

    public string Location(YamlNode node) => Locate(_file, node);

    public static string Locate(string file, YamlNode node) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{node.Start.Line}:{node.Start.Column}");

    public CatalogException Error(YamlNode node, string message) => new($"{Location(node)}: {message}");

    public YamlNode? Find(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;
    }

    public YamlNode Required(string key) =>
        Find(key) ?? throw Error(_node, $"missing required field '{key}'");

    public string RequiredString(string key)
    {
        YamlNode node = Required(key);
        return node is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw Error(node, $"field '{key}' must be a non-empty text, got {Show(node)}");
    }

    public string? OptionalString(string key) => Find(key) is { } node ? ScalarText(key, node) : null;

    public int RequiredPositiveInt(string key) => PositiveInt(key, Required(key), allowZero: false);

    public int OptionalInt(string key, int fallback, bool allowZero = true) =>
        Find(key) is { } node ? PositiveInt(key, node, allowZero) : fallback;

    public double RequiredQuantity(string key, IReadOnlyList<string> units, string allowed) =>
        Quantity(key, Required(key), units, allowed);

    public double? OptionalQuantity(string key, IReadOnlyList<string> units, string allowed) =>
        Find(key) is { } node ? Quantity(key, node, units, allowed) : null;

    public double Quantity(string key, YamlNode node, IReadOnlyList<string> units, string allowed)
    {
        string? text = (node as YamlScalarNode)?.Value;
        return QuantityText.TryParse(text, units, out double value) && value > 0
            ? value
            : throw Error(node, $"field '{key}' must be a positive number{allowed}, got {Show(node)}");
    }

    public bool OptionalBool(string key, bool fallback)
    {
        if (Find(key) is not { } node)
        {
            return fallback;
        }

        string? text = (node as YamlScalarNode)?.Value;
        return bool.TryParse(text, out bool value) ? value : throw Error(node, $"field '{key}' must be true or false, got {Show(node)}");
    }

    public DateOnly RequiredDate(string key)
    {
        YamlNode node = Required(key);
        string? text = (node as YamlScalarNode)?.Value;
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw Error(node, $"field '{key}' must be a date YYYY-MM-DD, got {Show(node)}");
    }

    public YamlMappingNode? OptionalMapping(string key)
    {
        if (Find(key) is not { } node)
        {
            return null;
        }

        return node as YamlMappingNode ?? throw Error(node, $"field '{key}' must be a mapping of fields, got {Show(node)}");
    }

    public T OptionalChoice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (Find(key) is not { } node)
        {
            return fallback;
        }

        string? text = (node as YamlScalarNode)?.Value;
        return text is not null && choices.TryGetValue(text.ToLowerInvariant(), out T? value)
            ? value
            : throw Error(node, $"field '{key}' must be one of {string.Join(", ", choices.Keys)}, got {Show(node)}");
    }

    /// <summary>Rejects fields nobody read, so a typo ("memoryBandwith") is an error, not a silent default.</summary>
    public void RejectUnknown(string what)
    {
        foreach ((YamlNode key, _) in _node.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(name))
            {
                string suggestion = Suggestions.Nearest(name, _read) is { Count: > 0 } near ? $"; did you mean {string.Join(", ", near)}?" : "";
                throw Error(key, $"unknown field '{name}' in {what}{suggestion}");
            }
        }
    }

    public static string Show(YamlNode node) => node switch
    {
        YamlScalarNode scalar => "\"" + scalar.Value + "\"",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    private string ScalarText(string key, YamlNode node) =>
        (node as YamlScalarNode)?.Value ?? throw Error(node, $"field '{key}' must be a text, got {Show(node)}");

    private int PositiveInt(string key, YamlNode node, bool allowZero)
    {
        string? text = (node as YamlScalarNode)?.Value;
        bool ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && (value > 0 || (allowZero && value == 0));
        return ok ? value : throw Error(node, $"field '{key}' must be a {(allowZero ? "non-negative" : "positive")} whole number, got {Show(node)}");
    }
}
