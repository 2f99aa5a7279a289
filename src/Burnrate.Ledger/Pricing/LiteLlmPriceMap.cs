using System.Globalization;
using System.Text.Json;

namespace Burnrate.Ledger.Pricing;

/// <summary>
/// Reads LiteLLM's <c>model_prices_and_context_window.json</c> (USD per single token; BerriAI/litellm): input, output,
/// cache-read and cache-write prices per model key. Keys without token prices (images, audio) and unknown fields are
/// ignored; the map has no dates, so its prices apply since always unless a price list says otherwise.
/// </summary>
internal static class LiteLlmPriceMap
{
    public static List<TokenPrice> Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Catalog.Files.InputFile.ReadAllText(path, "LiteLLM price map"), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw LedgerErrors.In(path, "not valid JSON: " + e.Message.Split(" LineNumber", 2)[0], (e.LineNumber ?? 0) + 1);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw LedgerErrors.In(path, "expected an object of model keys (LiteLLM's model_prices_and_context_window.json)");
            }

            string source = $"LiteLLM price map {Path.GetFileName(path)}";
            var prices = new List<TokenPrice>();
            foreach (JsonProperty model in document.RootElement.EnumerateObject())
            {
                if (model.Name == "sample_spec" || model.Value.ValueKind != JsonValueKind.Object
                    || Price(model.Value, "input_cost_per_token") is not { } input || Price(model.Value, "output_cost_per_token") is not { } output)
                {
                    continue;
                }

                prices.Add(new TokenPrice
                {
                    Model = model.Name,
                    InputUsdPerToken = input,
                    OutputUsdPerToken = output,
                    CacheReadUsdPerToken = Price(model.Value, "cache_read_input_token_cost"),
                    CacheWriteUsdPerToken = Price(model.Value, "cache_creation_input_token_cost"),
                    Source = source,
                    Tiers = Tiers(model.Value),
                });
            }

            return prices;
        }
    }

    // Service tiers: input/output_cost_per_token_{batches,priority,flex}; long context: *_above_<N>k_tokens.
    private static List<PriceTier> Tiers(JsonElement model)
    {
        var tiers = new List<PriceTier>();
        foreach ((string suffix, string tier) in new[] { ("batches", "batch"), ("priority", "priority"), ("flex", "flex") })
        {
            if (Price(model, "input_cost_per_token_" + suffix) is { } input && Price(model, "output_cost_per_token_" + suffix) is { } output)
            {
                tiers.Add(new PriceTier { ServiceTier = tier, InputUsdPerToken = input, OutputUsdPerToken = output });
            }
        }

        foreach (JsonProperty p in model.EnumerateObject())
        {
            const string prefix = "input_cost_per_token_above_", end = "k_tokens";
            if (p.Name.StartsWith(prefix, StringComparison.Ordinal) && p.Name.EndsWith(end, StringComparison.Ordinal)
                && long.TryParse(p.Name.AsSpan(prefix.Length, p.Name.Length - prefix.Length - end.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out long k)
                && Price(model, p.Name) is { } input && Price(model, $"output_cost_per_token_above_{k}k_tokens") is { } output)
            {
                tiers.Add(new PriceTier
                {
                    AboveInputTokens = k * 1_000,
                    InputUsdPerToken = input,
                    OutputUsdPerToken = output,
                    CacheReadUsdPerToken = Price(model, $"cache_read_input_token_cost_above_{k}k_tokens"),
                    CacheWriteUsdPerToken = Price(model, $"cache_creation_input_token_cost_above_{k}k_tokens"),
                });
            }
        }

        return tiers;
    }

    private static decimal? Price(JsonElement model, string field) =>
        model.TryGetProperty(field, out JsonElement e) ? e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDecimal(),
            JsonValueKind.String when decimal.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) => d,
            _ => null,
        } : null;
}
