namespace Burnrate.Ledger.Store;

/// <summary>
/// Every ledger statement, written once in SQL that DuckDB and ClickHouse share; engine differences come from the
/// <see cref="SqlDialect"/>. Aliases never reuse a column name (ClickHouse resolves an alias before a column).
/// </summary>
internal static class LedgerSql
{
    /// <summary>Gets CREATE TABLE for the staging table of a batch's row ids.</summary>
    public static string CreateIdStage(SqlDialect dialect, LedgerTable table, string keyword) =>
        LedgerSchema.CreateTable(dialect, table with { Columns = [table.Columns[0]] }, table.StageName, keyword);

    /// <summary>Gets the staged row ids the table already holds (the staged ids are the semi-join's build side).</summary>
    public static string ExistingStagedIds(SqlDialect dialect, LedgerTable table) =>
        $"SELECT row_id FROM {dialect.IdTable(table)} WHERE row_id IN (SELECT row_id FROM {table.StageName})";

    /// <summary>Gets one row of the table if it has any (an import into an empty table needs no lookup of existing ids). Not
    /// through <see cref="SqlDialect.Read"/>: any row will do, and ClickHouse 18's FINAL on a distributed table refuses a
    /// query that leaves out its sort key.</summary>
    public static string AnyRow(SqlDialect dialect, LedgerTable table) => $"SELECT row_id FROM {dialect.IdTable(table)} LIMIT 1";

    /// <summary>Gets the statement that empties a staging table.</summary>
    public static string ClearStage(LedgerTable table) => $"DELETE FROM {table.StageName}";

    /// <summary>Gets the usage totals per report cell: the report keys, plus customer and month (the revenue allocation unit).</summary>
    /// <param name="dialect">The engine.</param>
    /// <param name="keyExpressions">One SQL expression per report key.</param>
    /// <param name="fromUtc">Inclusive start.</param>
    /// <param name="toUtc">Exclusive end.</param>
    /// <param name="routes">Each self-hosted deployment's routing condition, in file order (none: every cell's deployment is 0).</param>
    public static string UsageCells(SqlDialect dialect, IReadOnlyList<string> keyExpressions, DateTime fromUtc, DateTime toUtc, IReadOnlyList<string>? routes = null)
    {
        string month = dialect.StartOfMonth("started_at");
        var select = keyExpressions.Select((e, i) => $"{e} AS key_{i}").ToList();
        var group = new List<string>(keyExpressions) { "customer", month };

        // With routes, each cell also says which deployment served it: 1-based, the first route that matches; 0 for none.
        string deployment = routes is { Count: > 0 }
            ? "CAST(CASE " + string.Concat(routes.Select((r, i) => $"WHEN {r} THEN {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} ")) + "ELSE 0 END AS BIGINT)"
            : "CAST(0 AS BIGINT)";
        if (routes is { Count: > 0 })
        {
            group.Add(deployment);
        }

        return "SELECT " + string.Join(", ", select)
            + $", customer AS cell_customer, {month} AS cell_month"
            + ", CAST(sum(requests) AS BIGINT) AS sum_requests, CAST(sum(input_tokens) AS BIGINT) AS sum_input_tokens"
            + ", CAST(sum(output_tokens) AS BIGINT) AS sum_output_tokens, sum(cost_usd) AS sum_cost_usd"
            + ", CAST(sum(CASE WHEN cost_usd IS NULL THEN requests ELSE 0 END) AS BIGINT) AS unpriced_requests"
            + $", {deployment} AS cell_deployment"
            + $" FROM {dialect.Read(LedgerTables.Usage)}"
            + $" WHERE started_at >= {dialect.TimestampLiteral(fromUtc)} AND started_at < {dialect.TimestampLiteral(toUtc)}"
            + " GROUP BY " + string.Join(", ", group);
    }

    /// <summary>Gets revenue per customer, date and kind.</summary>
    public static string RevenueCells(SqlDialect dialect, DateOnly from, DateOnly toExclusive) =>
        "SELECT customer AS rev_customer, revenue_date AS rev_date, kind AS rev_kind, sum(amount_usd) AS sum_amount_usd"
        + $" FROM {dialect.Read(LedgerTables.Revenue)}"
        + $" WHERE revenue_date >= {dialect.DateLiteral(from)} AND revenue_date < {dialect.DateLiteral(toExclusive)}"
        + " GROUP BY customer, revenue_date, kind";

    /// <summary>Gets the first and last usage instant and the row count (for default report ranges; read with <see cref="DbValues.Span"/>:
    /// ClickHouse's min of no rows is a zero date, not NULL).</summary>
    public static string UsageSpan(SqlDialect dialect) =>
        $"SELECT min(started_at) AS first_started_at, max(started_at) AS last_started_at, count(*) AS usage_rows FROM {dialect.Read(LedgerTables.Usage)}";

    /// <summary>Gets the first and last revenue date.</summary>
    public static string RevenueSpan(SqlDialect dialect) =>
        $"SELECT min(revenue_date) AS first_revenue_date, max(revenue_date) AS last_revenue_date, count(*) AS revenue_rows FROM {dialect.Read(LedgerTables.Revenue)}";

    /// <summary>Gets computed usage cost per UTC day and provider.</summary>
    public static string UsageCostByDay(SqlDialect dialect, DateTime fromUtc, DateTime toUtc) =>
        $"SELECT {dialect.StartOfDay("started_at")} AS usage_day, provider AS usage_provider, sum(cost_usd) AS sum_cost_usd"
        + $" FROM {dialect.Read(LedgerTables.Usage)}"
        + $" WHERE started_at >= {dialect.TimestampLiteral(fromUtc)} AND started_at < {dialect.TimestampLiteral(toUtc)}"
        + $" GROUP BY {dialect.StartOfDay("started_at")}, provider";

    /// <summary>Gets billed cost per UTC day (of the charge period's start) and provider.</summary>
    public static string BilledByDay(SqlDialect dialect, DateTime fromUtc, DateTime toUtc) =>
        $"SELECT {dialect.StartOfDay("charge_start")} AS bill_day, provider AS bill_provider, sum(billed_usd) AS sum_billed_usd"
        + $" FROM {dialect.Read(LedgerTables.Billed)}"
        + $" WHERE charge_start >= {dialect.TimestampLiteral(fromUtc)} AND charge_start < {dialect.TimestampLiteral(toUtc)}"
        + $" GROUP BY {dialect.StartOfDay("charge_start")}, provider";

    /// <summary>Gets the first and last billed charge start.</summary>
    public static string BilledSpan(SqlDialect dialect) =>
        $"SELECT min(charge_start) AS first_charge_start, max(charge_start) AS last_charge_start, count(*) AS billed_rows FROM {dialect.Read(LedgerTables.Billed)}";

    /// <summary>Gets usage per month and provider (for actuals).</summary>
    public static string UsageByMonth(SqlDialect dialect) =>
        $"SELECT {dialect.StartOfMonth("started_at")} AS usage_month, provider AS usage_provider"
        + ", CAST(sum(requests) AS BIGINT) AS sum_requests, CAST(sum(input_tokens) AS BIGINT) AS sum_input_tokens"
        + ", CAST(sum(output_tokens) AS BIGINT) AS sum_output_tokens, sum(cost_usd) AS sum_cost_usd"
        + $" FROM {dialect.Read(LedgerTables.Usage)} GROUP BY {dialect.StartOfMonth("started_at")}, provider";

    /// <summary>Gets revenue per month and kind (for actuals).</summary>
    public static string RevenueByMonth(SqlDialect dialect) =>
        $"SELECT {dialect.StartOfMonth("revenue_date")} AS rev_month, kind AS rev_kind, sum(amount_usd) AS sum_amount_usd"
        + $" FROM {dialect.Read(LedgerTables.Revenue)} GROUP BY {dialect.StartOfMonth("revenue_date")}, kind";

    /// <summary>Gets usage per UTC day, provider, model, tier, customer and feature (the rows of a FOCUS export).</summary>
    public static string UsageForFocus(SqlDialect dialect, DateTime fromUtc, DateTime toUtc) =>
        $"SELECT {dialect.StartOfDay("started_at")} AS usage_day, provider AS usage_provider, model AS usage_model, service_tier AS usage_tier"
        + ", customer AS usage_customer, feature AS usage_feature"
        + ", CAST(sum(requests) AS BIGINT) AS sum_requests, CAST(sum(input_tokens) AS BIGINT) AS sum_input_tokens"
        + ", CAST(sum(output_tokens) AS BIGINT) AS sum_output_tokens, CAST(sum(cache_read_tokens) AS BIGINT) AS sum_cache_read_tokens"
        + ", CAST(sum(cache_write_tokens) AS BIGINT) AS sum_cache_write_tokens, sum(cost_usd) AS sum_cost_usd"
        + ", CAST(sum(CASE WHEN cost_usd IS NULL THEN requests ELSE 0 END) AS BIGINT) AS unpriced_requests, min(cost_source) AS first_cost_source"
        + $" FROM {dialect.Read(LedgerTables.Usage)}"
        + $" WHERE started_at >= {dialect.TimestampLiteral(fromUtc)} AND started_at < {dialect.TimestampLiteral(toUtc)}"
        + $" GROUP BY {dialect.StartOfDay("started_at")}, provider, model, service_tier, customer, feature";

    /// <summary>Gets usage per month and customer of the rows a condition selects (a self-hosted deployment's traffic).</summary>
    /// <param name="dialect">The engine.</param>
    /// <param name="condition">A boolean SQL expression over the usage table (<see cref="RouteCondition"/>).</param>
    /// <param name="fromUtc">Inclusive start.</param>
    /// <param name="toUtc">Exclusive end.</param>
    public static string RoutedUsage(SqlDialect dialect, string condition, DateTime fromUtc, DateTime toUtc) =>
        $"SELECT {dialect.StartOfMonth("started_at")} AS usage_month, customer AS usage_customer"
        + ", CAST(sum(requests) AS BIGINT) AS sum_requests, CAST(sum(input_tokens) AS BIGINT) AS sum_input_tokens"
        + ", CAST(sum(output_tokens) AS BIGINT) AS sum_output_tokens"
        + $" FROM {dialect.Read(LedgerTables.Usage)}"
        + $" WHERE started_at >= {dialect.TimestampLiteral(fromUtc)} AND started_at < {dialect.TimestampLiteral(toUtc)} AND ({condition})"
        + $" GROUP BY {dialect.StartOfMonth("started_at")}, customer";

    /// <summary>
    /// Gets a condition true for usage rows matching any route (provider and/or api_base, compared in lower case) started in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).
    /// </summary>
    public static string RouteCondition(SqlDialect dialect, IEnumerable<(string? Provider, string? ApiBase)> routes, DateTime fromUtc, DateTime toUtc)
    {
        var any = routes.Select(r => string.Join(" AND ", new[]
        {
            r.Provider is null ? null : $"{dialect.Lower("provider")} = {dialect.StringLiteral(r.Provider.ToLowerInvariant())}",
            r.ApiBase is null ? null : $"{dialect.Lower("api_base")} = {dialect.StringLiteral(r.ApiBase.ToLowerInvariant())}",
        }.Where(c => c is not null)));
        return $"(started_at >= {dialect.TimestampLiteral(fromUtc)} AND started_at < {dialect.TimestampLiteral(toUtc)} AND (("
            + string.Join(") OR (", any) + ")))";
    }
}
