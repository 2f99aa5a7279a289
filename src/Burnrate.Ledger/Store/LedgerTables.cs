namespace Burnrate.Ledger.Store;

/// <summary>The ledger's tables (schema version <see cref="LedgerSchema.CurrentVersion"/>).</summary>
internal static class LedgerTables
{
    /// <summary>Gets the usage table: one row per request (LiteLLM) or per usage bucket (OpenAI, Anthropic), priced or not.</summary>
    public static LedgerTable Usage { get; } = new("usage_events",
    [
        new("row_id", ColumnType.Id),
        new("source", ColumnType.Text),
        new("request_id", ColumnType.Text),
        new("started_at", ColumnType.Timestamp),
        new("provider", ColumnType.Text),
        new("model", ColumnType.Text),
        new("customer", ColumnType.Text),
        new("feature", ColumnType.Text),
        new("api_base", ColumnType.Text),
        new("requests", ColumnType.Count),
        new("input_tokens", ColumnType.Count),
        new("output_tokens", ColumnType.Count),
        new("cache_read_tokens", ColumnType.Count),
        new("cache_write_tokens", ColumnType.Count),
        new("cost_usd", ColumnType.NullableMoney),
        new("cost_source", ColumnType.Text),
        new("service_tier", ColumnType.Text), // version 2
    ]) { TimeColumn = "started_at", GroupColumn = "customer" };

    /// <summary>Gets the billed-cost table: provider invoices and cloud bills (OpenAI costs, Anthropic cost report, FOCUS rows).</summary>
    public static LedgerTable Billed { get; } = new("billed_costs",
    [
        new("row_id", ColumnType.Id),
        new("source", ColumnType.Text),
        new("charge_start", ColumnType.Timestamp),
        new("charge_end", ColumnType.Timestamp),
        new("provider", ColumnType.Text),
        new("service", ColumnType.Text),
        new("sku", ColumnType.Text),
        new("account", ColumnType.Text),
        new("charge_category", ColumnType.Text),
        new("description", ColumnType.Text),
        new("billed_usd", ColumnType.Money),
        new("effective_usd", ColumnType.Money),
        new("list_usd", ColumnType.Money),

        // version 2: the rest of a FOCUS row a FinOps analyst filters and reconciles by
        new("contracted_usd", ColumnType.Money),
        new("charge_class", ColumnType.Text),
        new("charge_frequency", ColumnType.Text),
        new("service_category", ColumnType.Text),
        new("resource_id", ColumnType.Text),
        new("region", ColumnType.Text),
        new("pricing_quantity", ColumnType.NullableQuantity),
        new("pricing_unit", ColumnType.Text),
        new("consumed_quantity", ColumnType.NullableQuantity),
        new("consumed_unit", ColumnType.Text),
        new("commitment_id", ColumnType.Text),
        new("commitment_status", ColumnType.Text),
        new("invoice_id", ColumnType.Text),
        new("billing_account", ColumnType.Text),
        new("tags", ColumnType.Text),
    ])
    {
        TimeColumn = "charge_start",

        // Version 3: what a bill repeats row after row (resource ids and tags vary, so they stay in the rows).
        ProfileColumns = ["source", "provider", "service", "sku", "account", "charge_category", "description", "charge_class", "charge_frequency",
            "service_category", "region", "pricing_unit", "consumed_unit", "commitment_id", "commitment_status", "invoice_id", "billing_account"],
    };

    /// <summary>Gets the revenue table: subscription, usage, credit and refund lines per customer and date.</summary>
    public static LedgerTable Revenue { get; } = new("revenue",
    [
        new("row_id", ColumnType.Id),
        new("revenue_date", ColumnType.Date),
        new("customer", ColumnType.Text),
        new("amount_usd", ColumnType.Money),
        new("kind", ColumnType.Text),
    ]) { TimeColumn = "revenue_date", GroupColumn = "customer" };

    /// <summary>Gets the columns each schema version added to a table (for migrations).</summary>
    public static IReadOnlyList<LedgerColumn> AddedIn(int version, LedgerTable table) =>
        version == 2 && table == Usage ? [.. Usage.Columns.Where(c => c.Name == "service_tier")]
        : version == 2 && table == Billed ? [.. Billed.Columns.SkipWhile(c => c.Name != "contracted_usd")]
        : [];

    /// <summary>Gets every table, in creation order.</summary>
    public static IReadOnlyList<LedgerTable> All { get; } = [Usage, Billed, Revenue];
}
