using BenchmarkDotNet.Attributes;
using Burnrate.Ledger;
using Burnrate.Ledger.Import;
using DuckDB.NET.Data;

namespace Burnrate.Benchmarks.Ledger;

/// <summary>
/// Import rows/s of LiteLLM logs and a FOCUS bill: Burnrate's streaming, idempotent import (parse, row ids, Appender, insert of new rows)
/// against DuckDB's own reader loading the same file into a table (the baseline). Target: within 1.5× (issue 16).
/// Run: dotnet run -c Release --project benchmarks/Burnrate.Benchmarks -- --filter '*LedgerImport*' --job short
/// </summary>
[MemoryDiagnoser]
public class LedgerImportBenchmarks
{
    private string _file = string.Empty;
    private string _db = string.Empty;

    /// <summary>Gets or sets the rows in the file.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    /// <summary>Gets or sets the file: LiteLLM JSONL or CSV, or a FOCUS 1.2 CSV bill.</summary>
    [Params("litellm-jsonl", "litellm-csv", "focus-csv")]
    public string File { get; set; } = "litellm-jsonl";

    private bool Csv => File.EndsWith("csv", StringComparison.Ordinal);

    [GlobalSetup]
    public void Setup() => _file = File == "focus-csv" ? LedgerFiles.WriteFocus(Rows) : LedgerFiles.Write(Rows, Csv);

    [IterationSetup]
    public void FreshDatabase()
    {
        _db = Path.Combine(Path.GetTempPath(), $"burnrate-bench-{Guid.NewGuid():N}.duckdb");
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        System.IO.File.Delete(_db);
        System.IO.File.Delete(_db + ".wal");
    }

    [Benchmark(Baseline = true)]
    public long DuckDbOwnReader()
    {
        using var connection = new DuckDBConnection("Data Source=" + _db);
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = Csv
            ? $"CREATE TABLE spend AS SELECT * FROM read_csv('{_file}', header = true)"
            : $"CREATE TABLE spend AS SELECT * FROM read_json('{_file}', format = 'newline_delimited')";
        return command.ExecuteNonQuery();
    }

    [Benchmark]
    public long BurnrateImport()
    {
        using LedgerDatabase ledger = LedgerDatabase.Open(_db);
        return LedgerImporter.Import(ledger, new ImportRequest { Files = [_file], Format = File == "focus-csv" ? "focus" : "litellm" }).Files[0].Imported;
    }
}
