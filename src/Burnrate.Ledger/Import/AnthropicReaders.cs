using System.Globalization;
using System.Text.Json;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Anthropic Admin API pages: <c>usage_report/messages</c> (uncached input, cache creation, cache reads and output
/// tokens per bucket, model, workspace and key; priced from --prices) and <c>cost_report</c> (amounts are decimal
/// strings in cents, per Anthropic's API reference; priority-tier costs are not in it).
/// </summary>
internal static class AnthropicReaders
{
    /// <summary>The usage importer's name.</summary>
    public const string UsageSource = "anthropic-usage";

    /// <summary>The cost importer's name.</summary>
    public const string CostsSource = "anthropic-costs";

    public static IEnumerable<ImportItem<UsageRow>> Usage(Stream stream)
    {
        foreach ((ApiPages.Result r, string? bucketError) in ApiPages.Read(stream))
        {
            JsonElement e = r.Value;
            string? error = bucketError;
            long uncached = ApiPages.Count(e, "uncached_input_tokens", ref error);
            long read = ApiPages.Count(e, "cache_read_input_tokens", ref error);
            long output = ApiPages.Count(e, "output_tokens", ref error);
            long written = 0;
            if (e.TryGetProperty("cache_creation", out JsonElement creation) && creation.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in creation.EnumerateObject())
                {
                    written += ApiPages.Count(creation, p.Name, ref error);
                }
            }

            if (error is not null)
            {
                yield return ImportItem<UsageRow>.Bad(r.Number, error);
                continue;
            }

            string workspace = ApiPages.Text(e, "workspace_id"), key = ApiPages.Text(e, "api_key_id"), model = ApiPages.Text(e, "model");
            string tier = ApiPages.Text(e, "service_tier"), window = ApiPages.Text(e, "context_window");
            string id = string.Join('|', r.Start.ToString("O", CultureInfo.InvariantCulture), workspace, key, model, tier, window);
            yield return ImportItem<UsageRow>.Ok(r.Number, new UsageRow
            {
                RowId = RowIds.FromKey(UsageSource, id),
                Source = UsageSource,
                RequestId = id,
                StartedAt = r.Start,
                Provider = "anthropic",
                Model = model.Length > 0 ? model : "(all models)",
                Customer = OpenAiReaders.First(workspace, key),
                Feature = Features.Untagged,
                ApiBase = "https://api.anthropic.com/v1",
                Requests = 0, // the usage report counts tokens, not requests
                InputTokens = uncached + read + written,
                OutputTokens = output,
                CacheReadTokens = read,
                CacheWriteTokens = written,
                CostSource = "unpriced",
                ServiceTier = tier is "standard" ? string.Empty : tier,
                RequestInputTokens = ContextFloor(window),
            });
        }
    }

    // context_window "200k-1M" → requests above 200k input tokens (the long-context price); "0-200k" or none → unknown.
    private static long ContextFloor(string window)
    {
        string low = window.Split('-')[0].Trim().ToLowerInvariant();
        long scale = low.EndsWith('k') ? 1_000 : low.EndsWith('m') ? 1_000_000 : 1;
        return long.TryParse(low.TrimEnd('k', 'm'), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n > 0 ? n * scale + 1 : 0;
    }

    public static IEnumerable<ImportItem<BilledRow>> Costs(Stream stream)
    {
        foreach ((ApiPages.Result r, string? bucketError) in ApiPages.Read(stream))
        {
            JsonElement e = r.Value;
            string? error = bucketError;
            string amount = ApiPages.Text(e, "amount"), currency = ApiPages.Text(e, "currency");
            if (!decimal.TryParse(amount, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal cents))
            {
                error ??= $"amount: {FieldText.Show(amount)} is not a decimal amount in cents";
            }
            else if (currency.Length > 0 && !currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
            {
                error ??= $"currency: \"{currency}\" is not USD (the ledger holds USD)";
            }

            if (error is not null)
            {
                yield return ImportItem<BilledRow>.Bad(r.Number, error);
                continue;
            }

            string workspace = ApiPages.Text(e, "workspace_id"), description = ApiPages.Text(e, "description"), model = ApiPages.Text(e, "model");
            string item = string.Join(", ", new[] { model, ApiPages.Text(e, "token_type"), ApiPages.Text(e, "cost_type") }.Where(s => s.Length > 0));
            string id = string.Join('|', r.Start.ToString("O", CultureInfo.InvariantCulture), workspace, description, item, ApiPages.Text(e, "service_tier"), ApiPages.Text(e, "context_window"));
            BilledRow row = OpenAiReaders.Billed(CostsSource, id, r, "anthropic", item.Length > 0 ? item : description, workspace, Math.Round(cents / 100m, 10));
            yield return ImportItem<BilledRow>.Ok(r.Number, row with { Description = description });
        }
    }
}
