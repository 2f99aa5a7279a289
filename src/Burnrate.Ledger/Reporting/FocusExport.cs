using System.Globalization;
using System.Text;
using System.Text.Json;
using Burnrate.Catalog.Files;
using Burnrate.Ledger.Store;
using DuckDB.NET.Data;

namespace Burnrate.Ledger.Reporting;

/// <summary>
/// Writes the ledger's LLM spend as FOCUS 1.2 Cost and Usage rows (CSV, or Parquet by the file's extension): one Usage row
/// per UTC day, provider, model, service tier, customer and feature, costs as the ledger holds them (billed = effective =
/// list = contracted: the ledger knows what was paid, not a list price), tokens as the consumed and priced quantity,
/// customer, feature and tier in Tags, and token detail in x_ columns after the FOCUS ones. The file is written whole
/// or not at all.
/// </summary>
public static class FocusExport
{
    /// <summary>Gets the columns written, FOCUS 1.2 first, then the x_ columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
        "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "ConsumedQuantity", "ConsumedUnit",
        "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory",
        "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory",
        "ServiceName", "ServiceSubcategory", "SkuId", "SkuMeter", "SubAccountId", "Tags",
        "x_Requests", "x_InputTokens", "x_OutputTokens", "x_CacheReadTokens", "x_CacheWriteTokens", "x_CostSource",
    ];

    /// <summary>Writes the export.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="path">The file: .parquet for Parquet, anything else CSV.</param>
    /// <param name="from">The first day (default: the first usage).</param>
    /// <param name="to">The last day (default: the last usage).</param>
    /// <returns>The rows written and their total cost.</returns>
    public static FocusExportSummary Write(LedgerDatabase ledger, string path, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Core.Validation.InputException.ThrowIfAny(LedgerDays.Validate(from, to));
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
        {
            throw LedgerErrors.Field("focus", path, $"a file in an existing folder ({dir} does not exist)");
        }

        ILedgerStore store = ledger.Store;
        var span = store.Query(LedgerSql.UsageSpan(store.Dialect), DbValues.Span)[0];
        DateOnly start = from ?? span.First ?? new DateOnly(2000, 1, 1), end = (to ?? span.Last ?? start).AddDays(1);
        var rows = store.Query(LedgerSql.UsageForFocus(store.Dialect, start.ToDateTime(TimeOnly.MinValue), end.ToDateTime(TimeOnly.MinValue)), r => new Line(
            DbValues.Date(r, 0)!.Value, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            DbValues.Count(r, 6), DbValues.Count(r, 7), DbValues.Count(r, 8), DbValues.Count(r, 9), DbValues.Count(r, 10), DbValues.Money(r, 11),
            DbValues.Count(r, 12), r.IsDBNull(13) ? string.Empty : r.GetString(13)));
        rows.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        bool parquet = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, temp =>
        {
            if (!parquet)
            {
                WriteCsv(temp, rows);
                return;
            }

            string csv = temp + ".csv";
            try
            {
                WriteCsv(csv, rows);
                ToParquet(csv, temp);
            }
            finally
            {
                File.Delete(csv);
            }
        });
        return new FocusExportSummary(path, rows.Count, new Money(rows.Sum(r => r.Cost)), rows.Sum(r => r.Unpriced));
    }

    private static void WriteCsv(string path, List<Line> rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write(string.Join(',', Columns));
        w.Write('\n');
        foreach (Line r in rows)
        {
            var monthStart = new DateOnly(r.Day.Year, r.Day.Month, 1);
            string cost = r.Cost.ToString(CultureInfo.InvariantCulture);
            string tokens = (r.Input + r.Output).ToString(CultureInfo.InvariantCulture);
            string sku = r.Tier.Length > 0 ? $"{r.Model} ({r.Tier})" : r.Model;
            string[] values =
            [
                cost, "burnrate-ledger", "Burnrate ledger", "USD", Instant(monthStart.AddMonths(1)), Instant(monthStart), "Usage",
                string.Empty, $"{r.Model} tokens for {r.Customer} ({r.Feature})", "Usage-Based", Instant(r.Day.AddDays(1)), Instant(r.Day), tokens, "Tokens",
                cost, string.Empty, cost, r.Provider, cost, string.Empty, "Standard",
                tokens, "Tokens", r.Provider, r.Provider, r.Model, r.Model, "Model", "AI and Machine Learning",
                r.Provider, "Generative AI", sku, "Tokens", r.Customer, Tags(r),
                N(r.Requests), N(r.Input), N(r.Output), N(r.CacheRead), N(r.CacheWrite), r.Unpriced > 0 ? $"unpriced ({N(r.Unpriced)} requests)" : r.CostSource,
            ];
            w.Write(string.Join(',', values.Select(Quote)));
            w.Write('\n');
        }
    }

    // DuckDB's reader and writer turn the CSV into typed Parquet: costs DECIMAL(38,10), instants TIMESTAMP, counts BIGINT.
    private static void ToParquet(string csv, string parquet)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        string types = string.Join(", ", Columns.Select(c => $"'{c}': '{ParquetType(c)}'"));
        command.CommandText = $"COPY (SELECT * FROM read_csv('{Escape(csv)}', header = true, columns = {{{types}}})) TO '{Escape(parquet)}' (FORMAT PARQUET)";
        command.ExecuteNonQuery();
    }

    private static string ParquetType(string column) => column switch
    {
        "BilledCost" or "EffectiveCost" or "ListCost" or "ContractedCost" or "ListUnitPrice" or "ContractedUnitPrice" => "DECIMAL(38,10)",
        "ConsumedQuantity" or "PricingQuantity" => "DECIMAL(38,10)",
        "BillingPeriodEnd" or "BillingPeriodStart" or "ChargePeriodEnd" or "ChargePeriodStart" => "TIMESTAMP",
        _ when column.StartsWith("x_", StringComparison.Ordinal) && column != "x_CostSource" => "BIGINT",
        _ => "VARCHAR",
    };

    private static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    private static string Tags(Line r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("customer", r.Customer);
            w.WriteString("feature", r.Feature);
            if (r.Tier.Length > 0)
            {
                w.WriteString("serviceTier", r.Tier);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Instant(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private sealed record Line(
        DateOnly Day, string Provider, string Model, string Tier, string Customer, string Feature,
        long Requests, long Input, long Output, long CacheRead, long CacheWrite, decimal Cost, long Unpriced, string CostSource)
    {
        public string SortKey => string.Join('\u001f', Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Provider, Model, Tier, Customer, Feature);
    }
}

/// <summary>What <c>ledger export --focus</c> wrote.</summary>
/// <param name="Path">The file.</param>
/// <param name="Rows">FOCUS rows written.</param>
/// <param name="BilledUsd">Σ BilledCost over the rows (= the ledger's usage cost over the days exported).</param>
/// <param name="UnpricedRequests">Requests with no cost, exported at $0.</param>
public sealed record FocusExportSummary(string Path, long Rows, Money BilledUsd, long UnpricedRequests);
