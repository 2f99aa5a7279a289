using System.Globalization;
using System.Text.Json;

namespace Burnrate.Ledger.Import;

/// <summary>
/// OpenAI Admin API pages: <c>organization/usage/completions</c> (tokens per bucket and group; priced from --prices) and
/// <c>organization/costs</c> (billed USD per day, project and line item). A usage row's id is its bucket and group
/// (start, project, user, key, model, batch, tier), so overlapping downloads import once.
/// </summary>
internal static class OpenAiReaders
{
    /// <summary>The usage importer's name.</summary>
    public const string UsageSource = "openai-usage";

    /// <summary>The costs importer's name.</summary>
    public const string CostsSource = "openai-costs";

    public static IEnumerable<ImportItem<UsageRow>> Usage(Stream stream)
    {
        foreach ((ApiPages.Result r, string? bucketError) in ApiPages.Read(stream))
        {
            JsonElement e = r.Value;
            string? error = bucketError;
            long input = ApiPages.Count(e, "input_tokens", ref error);
            long output = ApiPages.Count(e, "output_tokens", ref error);
            long cached = ApiPages.Count(e, "input_cached_tokens", ref error);
            long requests = ApiPages.Count(e, "num_model_requests", ref error);
            if (error is not null)
            {
                yield return ImportItem<UsageRow>.Bad(r.Number, error);
                continue;
            }

            string project = ApiPages.Text(e, "project_id"), user = ApiPages.Text(e, "user_id"), key = ApiPages.Text(e, "api_key_id");
            string model = ApiPages.Text(e, "model");
            string batch = ApiPages.Text(e, "batch"), tier = ApiPages.Text(e, "service_tier");
            string id = string.Join('|', r.Start.ToString("O", CultureInfo.InvariantCulture), project, user, key, model, batch, tier);
            yield return ImportItem<UsageRow>.Ok(r.Number, new UsageRow
            {
                RowId = RowIds.FromKey(UsageSource, id),
                Source = UsageSource,
                RequestId = id,
                StartedAt = r.Start,
                Provider = "openai",
                Model = model.Length > 0 ? model : "(all models)",
                Customer = First(project, user, key),
                Feature = batch == "true" ? "batch" : Features.Untagged,
                ApiBase = "https://api.openai.com/v1",
                Requests = requests,
                InputTokens = input,
                OutputTokens = output,
                CacheReadTokens = Math.Min(cached, input),
                CostSource = "unpriced",
                ServiceTier = batch == "true" ? "batch" : tier is "default" or "auto" ? string.Empty : tier,
            });
        }
    }

    public static IEnumerable<ImportItem<BilledRow>> Costs(Stream stream)
    {
        foreach ((ApiPages.Result r, string? bucketError) in ApiPages.Read(stream))
        {
            JsonElement e = r.Value;
            string? error = bucketError;
            decimal amount = 0m;
            if (!e.TryGetProperty("amount", out JsonElement a) || !a.TryGetProperty("value", out JsonElement v) || !v.TryGetDecimal(out amount))
            {
                error ??= "amount.value: missing or not a number";
            }
            else if (a.TryGetProperty("currency", out JsonElement c) && !string.Equals(c.GetString(), "usd", StringComparison.OrdinalIgnoreCase))
            {
                error ??= $"amount.currency: \"{c.GetString()}\" is not usd (the ledger holds USD)";
            }

            if (error is not null)
            {
                yield return ImportItem<BilledRow>.Bad(r.Number, error);
                continue;
            }

            string project = ApiPages.Text(e, "project_id"), item = ApiPages.Text(e, "line_item");
            string id = string.Join('|', r.Start.ToString("O", CultureInfo.InvariantCulture), project, item);
            yield return ImportItem<BilledRow>.Ok(r.Number, Billed(CostsSource, id, r, "openai", item, project, Math.Round(amount, 10)));
        }
    }

    /// <summary>Gets a billed row for an API provider's cost line (billed = effective = list).</summary>
    public static BilledRow Billed(string source, string id, ApiPages.Result r, string provider, string item, string account, decimal usd) => new()
    {
        RowId = RowIds.FromKey(source, id),
        Source = source,
        ChargeStart = r.Start,
        ChargeEnd = r.End,
        Provider = provider,
        Service = item.Length > 0 ? item.Split(',')[0].Trim() : "(all)",
        Sku = item,
        Account = account,
        ChargeCategory = "Usage",
        Description = item,
        BilledUsd = usd,
        EffectiveUsd = usd,
        ListUsd = usd,
        ContractedUsd = usd,
        ChargeFrequency = "Usage-Based",
    };

    /// <summary>Gets the first non-empty value, or "(unknown)".</summary>
    public static string First(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "(unknown)";
}
