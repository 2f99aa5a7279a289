namespace Burnrate.Ledger.Tests.Store;

public sealed class SchemaTests
{
    [Fact]
    public void Should_KeepData_When_ReopeningTheLedger()
    {
        using var dir = new TempFolder();
        string db = dir.File("l.duckdb");
        using (LedgerDatabase ledger = LedgerDatabase.Open(db))
        {
            LedgerTestContext.ImportFiles(ledger, "revenue", dir.Write("r.csv", Fixtures.HandFixture.Revenue));
        }

        using LedgerDatabase again = LedgerDatabase.Open(db);
        LedgerTestContext.Report(again, "customer").Totals.RevenueUsd.Usd.ShouldBe(24m);
    }

    [Fact]
    public void Should_RefuseTheLedger_When_ItsSchemaIsNewer()
    {
        using var dir = new TempFolder();
        string db = dir.File("l.duckdb");
        using (LedgerDatabase ledger = LedgerDatabase.Open(db))
        {
            ledger.Store.Execute("UPDATE ledger_schema SET version = 99");
        }

        Should.Throw<Burnrate.Core.Validation.InputException>(() => LedgerDatabase.Open(db)).Message.ShouldBe($"{db}: schema version '99' is not allowed; expected at most 3 (the ledger was written by a newer Burnrate: upgrade Burnrate)");
    }

    [Fact]
    public void Should_MigrateAVersionOneLedger_When_Opening()
    {
        // Given a ledger file as schema version 1 wrote it, with one usage row and one billed row
        using var dir = new TempFolder();
        string db = dir.File("v1.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=" + db))
        {
            connection.Open();
            foreach (string sql in new[]
            {
                "CREATE TABLE ledger_schema (version BIGINT NOT NULL)",
                "INSERT INTO ledger_schema VALUES (1)",
                "CREATE TABLE usage_events (row_id UUID NOT NULL, source VARCHAR NOT NULL, request_id VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, provider VARCHAR NOT NULL, "
                + "model VARCHAR NOT NULL, customer VARCHAR NOT NULL, feature VARCHAR NOT NULL, api_base VARCHAR NOT NULL, requests BIGINT NOT NULL, input_tokens BIGINT NOT NULL, "
                + "output_tokens BIGINT NOT NULL, cache_read_tokens BIGINT NOT NULL, cache_write_tokens BIGINT NOT NULL, cost_usd DECIMAL(18,10), cost_source VARCHAR NOT NULL)",
                "CREATE TABLE billed_costs (row_id UUID NOT NULL, source VARCHAR NOT NULL, charge_start TIMESTAMP NOT NULL, charge_end TIMESTAMP NOT NULL, provider VARCHAR NOT NULL, "
                + "service VARCHAR NOT NULL, sku VARCHAR NOT NULL, account VARCHAR NOT NULL, charge_category VARCHAR NOT NULL, description VARCHAR NOT NULL, "
                + "billed_usd DECIMAL(18,10) NOT NULL, effective_usd DECIMAL(18,10) NOT NULL, list_usd DECIMAL(18,10) NOT NULL)",
                "CREATE TABLE revenue (row_id UUID NOT NULL, revenue_date DATE NOT NULL, customer VARCHAR NOT NULL, amount_usd DECIMAL(18,10) NOT NULL, kind VARCHAR NOT NULL)",
                "INSERT INTO usage_events VALUES (uuid(), 'litellm', 'r1', TIMESTAMP '2026-01-05 10:00:00', 'openai', 'gpt-4o', 'acme', 'chat', '', 1, 1000, 500, 0, 0, 1.25, 'litellm spend')",
                "INSERT INTO billed_costs VALUES (uuid(), 'openai-costs', TIMESTAMP '2026-01-05', TIMESTAMP '2026-01-06', 'openai', 'gpt-4o', 'gpt-4o, input', 'p', 'Usage', '', 1.5, 1.5, 1.5)",
            })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        // When
        using LedgerDatabase ledger = LedgerDatabase.Open(db);
        LedgerTestContext.ImportFiles(ledger, "focus", dir.Write("bill.csv", Fixtures.FocusFixture.Bill));

        // Then: version 3, old rows kept (contracted = billed), new rows with every FOCUS column
        ledger.Store.Query("SELECT max(version) FROM ledger_schema", r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))[0].ShouldBe(3);
        ledger.Store.Query("SELECT contracted_usd, service_tier FROM billed_costs, usage_events WHERE billed_costs.source = 'openai-costs'",
            r => (Burnrate.Ledger.Store.DbValues.Money(r, 0), r.GetString(1)))[0].ShouldBe((1.5m, string.Empty));
        LedgerTestContext.Report(ledger, "customer").Totals.CostUsd.Usd.ShouldBe(1.25m);
        Burnrate.Ledger.Reporting.ReconcileEngine.Run(ledger).Totals.Sum(t => t.BilledUsd.Usd).ShouldBe(1.5m + 102.424567m);
    }
}
