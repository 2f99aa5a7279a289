using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Ledger.Import;

/// <summary>
/// A YAML column mapping for the generic <c>csv</c> and <c>jsonl</c> imports: which column (CSV header) or path (JSON,
/// dots for nesting: <c>usage.prompt_tokens</c>) holds each usage field, constants for fields the file lacks, and the
/// units of time and cost.
/// <code>
/// source: acme-gateway              # required: the rows' source (also the namespace of their ids)
/// columns:
///   time: ts                        # required
///   model: model                    # required
///   requestId: id                   # optional: without it a row's id hashes its content
///   customer: [tenant, org]         # a list: the first non-empty
///   inputTokens: usage.prompt_tokens
///   outputTokens: usage.completion_tokens
///   costUsd: cost
/// defaults:
///   provider: self-hosted
/// timeUnit: iso                     # iso (also takes Unix seconds), unix-seconds, unix-milliseconds
/// costScale: 0.01                   # the cost column is in cents
/// </code>
/// </summary>
internal sealed class UsageMapping
{
    /// <summary>Gets the usage fields a mapping may name.</summary>
    public static readonly string[] Fields =
    [
        "requestId", "time", "model", "provider", "customer", "feature", "apiBase", "requests", "inputTokens", "outputTokens",
        "cacheReadTokens", "cacheWriteTokens", "costUsd", "serviceTier",
    ];

    private static readonly string[] TopLevel = ["source", "columns", "defaults", "timeUnit", "costScale"];
    private static readonly string[] Required = ["time", "model"];
    private static readonly string[] TimeUnits = ["iso", "unix-seconds", "unix-milliseconds"];

    /// <summary>Gets the rows' source name.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the columns (or JSON paths) per field, first non-empty wins.</summary>
    public required IReadOnlyDictionary<string, string[]> Columns { get; init; }

    /// <summary>Gets constants for fields with no column, or an empty one.</summary>
    public required IReadOnlyDictionary<string, string> Defaults { get; init; }

    /// <summary>Gets the time unit: iso, unix-seconds or unix-milliseconds.</summary>
    public required string TimeUnit { get; init; }

    /// <summary>Gets the factor that turns the cost column into USD.</summary>
    public decimal CostScale { get; init; } = 1m;

    /// <summary>Reads and checks a mapping file; every error names the file, line and column.</summary>
    public static UsageMapping Read(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StringReader(Catalog.Files.InputFile.ReadAllText(path, "mapping file"));
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw LedgerErrors.In(path, "not valid YAML: " + e.Message, e.Start.Line, (int)e.Start.Column);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw LedgerErrors.In(path, "expected a mapping with source, columns (time and model at least), defaults, timeUnit, costScale");
        }

        Known(path, root, TopLevel);
        string source = Scalar(path, root, "source") ?? throw Error(path, root, "missing required field 'source' (a name for where these rows come from)");
        var columns = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Child(root, "columns") is not YamlMappingNode columnNode)
        {
            throw Error(path, root, "missing required mapping 'columns' (field: column name)");
        }

        Known(path, columnNode, Fields);
        foreach ((YamlNode key, YamlNode value) in columnNode.Children)
        {
            string field = ((YamlScalarNode)key).Value!;
            columns[field] = value switch
            {
                YamlScalarNode { Value: { Length: > 0 } v } => [v],
                YamlSequenceNode list when list.All(i => i is YamlScalarNode { Value.Length: > 0 }) && list.Children.Count > 0 => [.. list.Select(i => ((YamlScalarNode)i).Value!)],
                _ => throw Error(path, value, $"columns.{field} must be a column name or a list of column names"),
            };
        }

        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "defaults") is { } defaultNode)
        {
            if (defaultNode is not YamlMappingNode d)
            {
                throw Error(path, defaultNode, "defaults must be a mapping of field: value");
            }

            Known(path, d, Fields);
            foreach ((YamlNode key, YamlNode value) in d.Children)
            {
                defaults[((YamlScalarNode)key).Value!] = value is YamlScalarNode { Value: { } v } ? v : throw Error(path, value, "a default must be a single value");
            }
        }

        foreach (string required in Required.Where(r => !columns.ContainsKey(r) && (r == "time" || !defaults.ContainsKey(r))))
        {
            throw Error(path, columnNode, $"columns.{required} is required (the column holding the request's {(required == "time" ? "start time" : "model")})");
        }

        string unit = Scalar(path, root, "timeUnit") ?? "iso";
        if (Array.IndexOf(TimeUnits, unit) < 0)
        {
            throw Error(path, Child(root, "timeUnit")!, $"timeUnit \"{unit}\" is not one of {string.Join(", ", TimeUnits)}");
        }

        decimal scale = 1m;
        if (Scalar(path, root, "costScale") is { } s
            && (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) || scale <= 0 || scale > 1_000_000))
        {
            throw Error(path, Child(root, "costScale")!, $"costScale \"{s}\" must be a number in (0, 1000000] (0.01 for a cost in cents)");
        }

        return new UsageMapping { Source = source, Columns = columns, Defaults = defaults, TimeUnit = unit, CostScale = scale };
    }

    /// <summary>Parses a time field in the mapping's unit.</summary>
    public bool TryTime(string? text, out DateTime utc, out string? error)
    {
        error = null;
        utc = default;
        if (TimeUnit == "iso")
        {
            return FieldText.TryInstant("time", text, out utc, out error);
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n > 0)
        {
            long ms = TimeUnit == "unix-seconds" ? n * 1000 : n;
            if (ms < 32_503_680_000_000)
            {
                utc = DateTime.UnixEpoch.AddMilliseconds(ms);
                return true;
            }
        }

        error = $"time: {FieldText.Show(text)} is not {(TimeUnit == "unix-seconds" ? "Unix seconds" : "Unix milliseconds")} (timeUnit in the mapping)";
        return false;
    }

    private static void Known(string path, YamlMappingNode node, string[] allowed)
    {
        foreach (YamlNode key in node.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(allowed, name) < 0)
            {
                string near = string.Join(", ", Catalog.Suggestions.Nearest(name, allowed, 1));
                throw Error(path, key, $"unknown field '{name}'{(near.Length > 0 ? $" (did you mean '{near}'?)" : string.Empty)}; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Scalar(string path, YamlMappingNode node, string key) => Child(node, key) switch
    {
        null => null,
        YamlScalarNode { Value: { Length: > 0 } v } => v,
        var other => throw Error(path, other, $"field '{key}' must be a non-empty text"),
    };

    private static Core.Validation.InputException Error(string path, YamlNode node, string message) =>
        LedgerErrors.In(path, message, node.Start.Line, (int)node.Start.Column);
}
