using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Ledger.Pricing;

/// <summary>
/// Reads a price list YAML:
/// <code>
/// source: "OpenAI API pricing page, read 2026-01-10"
/// prices:
///   - model: gpt-4o
///     from: 2025-01-01
///     inputUsdPerMillionTokens: 2.50
///     outputUsdPerMillionTokens: 10.00
///     cacheReadUsdPerMillionTokens: 1.25     # optional (default: the input price)
///     cacheWriteUsdPerMillionTokens: 3.75    # optional
///     tiers:                                 # optional: service tiers and long-context prices
///       - tier: batch
///         inputUsdPerMillionTokens: 1.25
///         outputUsdPerMillionTokens: 5.00
///       - aboveInputTokens: 200000
///         inputUsdPerMillionTokens: 5.00
///         outputUsdPerMillionTokens: 15.00
/// </code>
/// </summary>
internal static class PriceListYaml
{
    private static readonly string[] Fields = ["model", "from", "inputUsdPerMillionTokens", "outputUsdPerMillionTokens", "cacheReadUsdPerMillionTokens", "cacheWriteUsdPerMillionTokens", "source", "tiers"];

    private static readonly string[] TierFields = ["tier", "aboveInputTokens", "inputUsdPerMillionTokens", "outputUsdPerMillionTokens", "cacheReadUsdPerMillionTokens", "cacheWriteUsdPerMillionTokens"];

    public static List<TokenPrice> Read(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StringReader(Catalog.Files.InputFile.ReadAllText(path, "price list"));
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw LedgerErrors.In(path, "not valid YAML: " + e.Message, e.Start.Line, (int)e.Start.Column);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw LedgerErrors.In(path, "expected a mapping with 'source' and 'prices'");
        }

        string source = Text(root, "source", path) ?? throw Error(path, root, "missing required field 'source' (where the prices come from, with a date)");
        if (Child(root, "prices") is not YamlSequenceNode list)
        {
            throw Error(path, root, "missing required list 'prices'");
        }

        var prices = new List<TokenPrice>();
        foreach (YamlNode item in list)
        {
            if (item is not YamlMappingNode entry)
            {
                throw Error(path, item, "each price must be a mapping with model, inputUsdPerMillionTokens and outputUsdPerMillionTokens");
            }

            CheckFields(path, entry, Fields);
            string model = Text(entry, "model", path) ?? throw Error(path, entry, "missing required field 'model'");
            DateOnly? from = Text(entry, "from", path) is { } f
                ? DateOnly.TryParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d
                    : throw Error(path, Child(entry, "from")!, $"field 'from' must be a date YYYY-MM-DD, got \"{f}\"")
                : null;
            prices.Add(new TokenPrice
            {
                Model = model,
                EffectiveFrom = from,
                InputUsdPerToken = PerMillion(path, entry, "inputUsdPerMillionTokens") ?? throw Error(path, entry, "missing required field 'inputUsdPerMillionTokens'"),
                OutputUsdPerToken = PerMillion(path, entry, "outputUsdPerMillionTokens") ?? throw Error(path, entry, "missing required field 'outputUsdPerMillionTokens'"),
                CacheReadUsdPerToken = PerMillion(path, entry, "cacheReadUsdPerMillionTokens"),
                CacheWriteUsdPerToken = PerMillion(path, entry, "cacheWriteUsdPerMillionTokens"),
                Source = $"price list {Path.GetFileName(path)} ({Text(entry, "source", path) ?? source})",
                Tiers = Tiers(path, entry),
            });
        }

        return prices;
    }

    private static void CheckFields(string path, YamlMappingNode entry, string[] allowed)
    {
        foreach (YamlNode key in entry.Children.Keys)
        {
            string name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (Array.IndexOf(allowed, name) < 0)
            {
                string near = string.Join(", ", Catalog.Suggestions.Nearest(name, allowed, 1));
                throw Error(path, key, $"unknown field '{name}'{(near.Length > 0 ? $" (did you mean '{near}'?)" : string.Empty)}; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    private static List<PriceTier> Tiers(string path, YamlMappingNode entry)
    {
        var tiers = new List<PriceTier>();
        if (Child(entry, "tiers") is not { } node)
        {
            return tiers;
        }

        if (node is not YamlSequenceNode list)
        {
            throw Error(path, node, "field 'tiers' must be a list of tiers (tier and/or aboveInputTokens, with input and output prices)");
        }

        foreach (YamlNode item in list)
        {
            if (item is not YamlMappingNode t)
            {
                throw Error(path, item, "each tier must be a mapping with tier and/or aboveInputTokens, inputUsdPerMillionTokens and outputUsdPerMillionTokens");
            }

            CheckFields(path, t, TierFields);
            string? name = Text(t, "tier", path);
            long? above = Text(t, "aboveInputTokens", path) is { } a
                ? long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n > 0 ? n
                    : throw Error(path, Child(t, "aboveInputTokens")!, $"field 'aboveInputTokens' must be a whole number of tokens > 0, got \"{a}\"")
                : null;
            if (name is null && above is null)
            {
                throw Error(path, t, "a tier needs 'tier' (e.g. batch, priority, flex) or 'aboveInputTokens' (a long-context price), or both");
            }

            tiers.Add(new PriceTier
            {
                ServiceTier = name,
                AboveInputTokens = above,
                InputUsdPerToken = PerMillion(path, t, "inputUsdPerMillionTokens") ?? throw Error(path, t, "missing required field 'inputUsdPerMillionTokens'"),
                OutputUsdPerToken = PerMillion(path, t, "outputUsdPerMillionTokens") ?? throw Error(path, t, "missing required field 'outputUsdPerMillionTokens'"),
                CacheReadUsdPerToken = PerMillion(path, t, "cacheReadUsdPerMillionTokens"),
                CacheWriteUsdPerToken = PerMillion(path, t, "cacheWriteUsdPerMillionTokens"),
            });
        }

        return tiers;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Text(YamlMappingNode node, string key, string path) => Child(node, key) switch
    {
        null => null,
        YamlScalarNode { Value: { Length: > 0 } v } => v,
        var other => throw Error(path, other, $"field '{key}' must be a non-empty text"),
    };

    private static decimal? PerMillion(string path, YamlMappingNode node, string key)
    {
        string? text = Text(node, key, path);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal perMillion) && perMillion >= 0
            ? perMillion / 1_000_000m
            : throw Error(path, Child(node, key)!, $"field '{key}' must be a USD amount ≥ 0 per 1M tokens, got \"{text}\"");
    }

    private static Core.Validation.InputException Error(string path, YamlNode node, string message) =>
        LedgerErrors.In(path, message, node.Start.Line, (int)node.Start.Column);
}
