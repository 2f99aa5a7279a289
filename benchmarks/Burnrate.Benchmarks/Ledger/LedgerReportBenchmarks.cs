using System.Globalization;
using BenchmarkDotNet.Attributes;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;

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
        string db = Path.Combine(Path.GetTempPath(), $"burnrate-bench-report-{Rows}.duckdb");
        bool fresh = !File.Exists(db);
        _ledger = LedgerDatabase.Open(db);
        if (fresh)
        {
            _ledger.Store.Execute(
                "INSERT INTO usage_events SELECT uuid(), 'bench', 'req-' || i, TIMESTAMP '2026-01-01' + to_seconds(i % 15552000), "
                + "'openai', 'model-' || (i % 4), 'customer-' || (i % 1000), 'chat', '', 1, 100 + i % 5000, 10 + i % 700, 0, 0, "
                + "CAST((i % 50000) / 1e6 AS DECIMAL(18,10)), 'bench' FROM range(" + Rows.ToString(CultureInfo.InvariantCulture) + ") t(i)");
            _ledger.Store.Execute(
                "INSERT INTO revenue SELECT uuid(), DATE '2026-01-01' + INTERVAL (m) MONTH, 'customer-' || c, 100, 'subscription' FROM range(6) a(m), range(1000) b(c)");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _ledger?.Dispose();

    [Benchmark]
    public int ReportByCustomerMonth() => MarginReportEngine.Run(_ledger!, new ReportRequest { By = ["customer", "month"] }).Rows.Count;
}
