using System.Globalization;
using Burnrate.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Catalog;

/// <summary>
/// Reads typed fields from a YAML mapping, failing with <c>file:line:column: field 'x' must be …, got "…"</c>: the located
/// field reader of the catalog, scenario and fleet files. Each read marks the key as known, so <see cref="RejectUnknown"/>
/// names a typo instead of silently taking a default. Errors are <see cref="CatalogException"/>s for catalog data and, from a
/// reader made with <see cref="ForInput"/>, Core's <see cref="InputException"/> located at the node (user input files).
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private bool _input;

    /// <summary>Initializes a new instance of the <see cref="YamlFields"/> class over one mapping.</summary>
    /// <param name="node">The mapping whose fields are read.</param>
    /// <param name="file">The file name errors start with.</param>
    public YamlFields(YamlMappingNode node, string file)
    {
        _node = node;
        _file = file;
    }

    /// <summary>Creates a reader over a mapping of a user input file (not catalog data): its errors are <see cref="InputException"/>s
    /// with the file, line and column as their <see cref="InputException.Location"/> and the message naming the field, value and what is allowed.</summary>
    /// <param name="node">The mapping whose fields are read.</param>
    /// <param name="file">The file name errors are located in.</param>
    /// <returns>The reader.</returns>
    public static YamlFields ForInput(YamlMappingNode node, string file) => new(node, file) { _input = true };

    /// <summary>Creates the located <see cref="InputException"/> for <paramref name="node"/> of a user input file.</summary>
    /// <param name="file">The file name.</param>
    /// <param name="node">The node at fault.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <returns>The exception to throw.</returns>
    public static InputException InputError(string file, YamlNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new InputException([new FieldError(string.Empty, string.Empty, message)], new SourceLocation(file, (int)Math.Min(node.Start.Line, int.MaxValue), (int)Math.Min(node.Start.Column, int.MaxValue)));
    }

    /// <summary>Gets where <paramref name="node"/> is: <c>file:line:column</c>.</summary>
    /// <param name="node">A node of this file.</param>
    /// <returns>The location.</returns>
    public string Location(YamlNode node) => Locate(_file, node);

    /// <summary>Gets where <paramref name="node"/> is in <paramref name="file"/>: <c>file:line:column</c>.</summary>
    /// <param name="file">The file name.</param>
    /// <param name="node">The node.</param>
    /// <returns>The location.</returns>
    public static string Locate(string file, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return string.Create(CultureInfo.InvariantCulture, $"{file}:{node.Start.Line}:{node.Start.Column}");
    }

    /// <summary>Creates the located error for <paramref name="node"/>.</summary>
    /// <param name="node">The node at fault.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <returns>The exception to throw: an <see cref="InputException"/> from a <see cref="ForInput"/> reader, else a <see cref="CatalogException"/>.</returns>
    public Exception Error(YamlNode node, string message) => _input ? InputError(_file, node, message) : new CatalogException($"{Location(node)}: {message}");

    /// <summary>Finds a field and marks it as known.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The value node, or null when the field is absent.</returns>
    public YamlNode? Find(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;
    }

    /// <summary>Gets a field that must be present.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The value node.</returns>
    /// <exception cref="CatalogException">The field is missing.</exception>
    public YamlNode Required(string key) =>
        Find(key) ?? throw Error(_node, $"missing required field '{key}'");

    /// <summary>Gets a non-empty text field that must be present.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="CatalogException">The field is missing or not a non-empty text.</exception>
    public string RequiredString(string key)
    {
        YamlNode node = Required(key);
        return node is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw Error(node, $"field '{key}' must be a non-empty text, got {Show(node)}");
    }

    /// <summary>Gets an optional text field.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The text, or null when absent.</returns>
    /// <exception cref="CatalogException">The field is not a text.</exception>
    public string? OptionalString(string key) => Find(key) is { } node ? ScalarText(key, node) : null;

    /// <summary>Gets a positive whole number that must be present.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CatalogException">The field is missing or not a positive whole number.</exception>
    public int RequiredPositiveInt(string key) => PositiveInt(key, Required(key), allowZero: false);

    /// <summary>Gets an optional non-negative (or positive) whole number.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="fallback">The value when absent.</param>
    /// <param name="allowZero">Whether 0 is allowed.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CatalogException">The field is not an allowed whole number.</exception>
    public int OptionalInt(string key, int fallback, bool allowZero = true) =>
        Find(key) is { } node ? PositiveInt(key, node, allowZero) : fallback;

    /// <summary>Gets a positive quantity that must be present, such as <c>80 GB</c> (see <see cref="QuantityText"/>).</summary>
    /// <param name="key">The field name.</param>
    /// <param name="units">The units accepted.</param>
    /// <param name="allowed">What the error adds about allowed values (e.g. " in GB").</param>
    /// <returns>The value in base units.</returns>
    /// <exception cref="CatalogException">The field is missing or not a positive quantity.</exception>
    public double RequiredQuantity(string key, IReadOnlyList<string> units, string allowed) =>
        Quantity(key, Required(key), units, allowed);

    /// <summary>Gets an optional positive quantity.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="units">The units accepted.</param>
    /// <param name="allowed">What the error adds about allowed values.</param>
    /// <returns>The value in base units, or null when absent.</returns>
    /// <exception cref="CatalogException">The field is not a positive quantity.</exception>
    public double? OptionalQuantity(string key, IReadOnlyList<string> units, string allowed) =>
        Find(key) is { } node ? Quantity(key, node, units, allowed) : null;

    /// <summary>Reads <paramref name="node"/> as a positive quantity.</summary>
    /// <param name="key">The field name, for the error.</param>
    /// <param name="node">The value node.</param>
    /// <param name="units">The units accepted.</param>
    /// <param name="allowed">What the error adds about allowed values.</param>
    /// <returns>The value in base units.</returns>
    /// <exception cref="CatalogException">The node is not a positive quantity.</exception>
    public double Quantity(string key, YamlNode node, IReadOnlyList<string> units, string allowed)
    {
        string? text = (node as YamlScalarNode)?.Value;
        return QuantityText.TryParse(text, units, out double value) && value > 0
            ? value
            : throw Error(node, $"field '{key}' must be a positive number{allowed}, got {Show(node)}");
    }

    /// <summary>Gets an optional true/false field.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="fallback">The value when absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CatalogException">The field is not true or false.</exception>
    public bool OptionalBool(string key, bool fallback)
    {
        if (Find(key) is not { } node)
        {
            return fallback;
        }

        string? text = (node as YamlScalarNode)?.Value;
        return bool.TryParse(text, out bool value) ? value : throw Error(node, $"field '{key}' must be true or false, got {Show(node)}");
    }

    /// <summary>Gets a date (YYYY-MM-DD or YYYY-MM) that must be present.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The date (the first of the month for YYYY-MM).</returns>
    /// <exception cref="CatalogException">The field is missing or not a date.</exception>
    public DateOnly RequiredDate(string key)
    {
        YamlNode node = Required(key);
        string? text = (node as YamlScalarNode)?.Value;
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw Error(node, $"field '{key}' must be a date YYYY-MM-DD, got {Show(node)}");
    }

    /// <summary>Gets an optional mapping field.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The mapping, or null when absent.</returns>
    /// <exception cref="CatalogException">The field is not a mapping.</exception>
    public YamlMappingNode? OptionalMapping(string key)
    {
        if (Find(key) is not { } node)
        {
            return null;
        }

        return node as YamlMappingNode ?? throw Error(node, $"field '{key}' must be a mapping of fields, got {Show(node)}");
    }

    /// <summary>Gets an optional field that must be one of <paramref name="choices"/> (keys in lower case; the text is compared in lower case).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The field name.</param>
    /// <param name="fallback">The value when absent.</param>
    /// <param name="choices">The allowed texts and their values.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CatalogException">The field is not one of the choices.</exception>
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
    /// <param name="what">What the mapping is, for the error (e.g. "accelerator 'h100-sxm'").</param>
    /// <exception cref="CatalogException">A field was never read.</exception>
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

    /// <summary>Shows a node in an error: a scalar in quotes, else "a list" or "a mapping".</summary>
    /// <param name="node">The node.</param>
    /// <returns>The text.</returns>
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
