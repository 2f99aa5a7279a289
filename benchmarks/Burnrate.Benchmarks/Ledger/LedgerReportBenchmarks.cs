using System.Globalization;
using BenchmarkDotNet.Attributes;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using DuckDB.NET.Data;

namespace Burnrate.Benchmarks.Ledger;

/// <summary>
/// <c>ledger report --by customer,month</c> over a ledger of 10M usage rows (1,000 customers, six months), filled by SQL in
/// setup. Target: under 1 s (issue 16).
/// Run: dotnet run -c Release --project benchmarks/Burnrate.Benchmarks -- --filter '*LedgerReport*' --job short
/// </summary>
[MemoryDiagnoser]
public class LedgerReportBenchmarks
{
    private LedgerDatabase? _ledger;

    /// <summary>Gets or sets the usage rows.</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Filled through DuckDB directly (the benchmark uses only the ledger's public API): the ledger creates the schema, then SQL
        // inserts the rows by name, so the benchmark does not depend on the ledger's column order.
        string db = Path.Combine(Path.GetTempPath(), $"burnrate-bench-report-v2-{Rows}.duckdb");
        if (!File.Exists(db))
        {
            LedgerDatabase.Open(db).Dispose();
            using var connection = new DuckDBConnection("Data Source=" + db);
            connection.Open();
            foreach (string sql in new[]
            {
                "INSERT INTO usage_events (row_id, source, request_id, started_at, provider, model, customer, feature, api_base, requests, input_tokens, "
                + "output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, cost_source, service_tier) "
                + "SELECT uuid(), 'bench', 'req-' || i, TIMESTAMP '2026-01-01' + to_seconds(i % 15552000), "
                + "'openai', 'model-' || (i % 4), 'customer-' || (i % 1000), 'chat', '', 1, 100 + i % 5000, 10 + i % 700, 0, 0, "
                + "CAST((i % 50000) / 1e6 AS DECIMAL(18,10)), 'bench', '' FROM range(" + Rows.ToString(CultureInfo.InvariantCulture) + ") t(i)",
                "INSERT INTO revenue (row_id, revenue_date, customer, amount_usd, kind) "
                + "SELECT uuid(), DATE '2026-01-01' + INTERVAL (m) MONTH, 'customer-' || c, 100, 'subscription' FROM range(6) a(m), range(1000) b(c)",
            })
            {
                using DuckDBCommand command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        _ledger = LedgerDatabase.Open(db);
    }

    [GlobalCleanup]
    public void Cleanup() => _ledger?.Dispose();

    [Benchmark]
    public int ReportByCustomerMonth() => MarginReportEngine.Run(_ledger!, new ReportRequest { By = ["customer", "month"] }).Rows.Count;
}
