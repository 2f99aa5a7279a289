using BenchmarkDotNet.Attributes;
using Burnrate.Ledger;
using Burnrate.Ledger.Import;
using DuckDB.NET.Data;

namespace Burnrate.Benchmarks.Ledger;

/// <summary>
/// Import rows/s of LiteLLM logs and a FOCUS bill: Burnrate's streaming, idempotent import (parse, row ids, Appender, insert of new rows)
/// against DuckDB's own reader loading the same file into a table: a table of the file's own columns, typed by DuckDB (the
/// baseline), and the ledger's table, the fields mapped as the importer maps them. Target: within 1.5× (issue 16).
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

    /// <summary>
    /// DuckDB's reader loading the file into the ledger's own table (the same columns and types the import writes): the
    /// storage cost of the destination without Burnrate's parsing, validation, content-hashed row ids and duplicate checks
    /// (row ids here are random).
    /// </summary>
    [Benchmark]
    public long DuckDbIntoLedgerTable()
    {
        LedgerDatabase.Open(_db).Dispose();
        using var connection = new DuckDBConnection("Data Source=" + _db);
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = File switch
        {
            "focus-csv" => "INSERT INTO billed_costs SELECT gen_random_uuid(), 'focus', ChargePeriodStart::TIMESTAMP, ChargePeriodEnd::TIMESTAMP, "
                + "coalesce(ServiceProviderName, ''), coalesce(ServiceName, ''), coalesce(SkuId, ''), coalesce(SubAccountId, ''), coalesce(ChargeCategory, ''), "
                + "coalesce(ChargeDescription, ''), BilledCost, EffectiveCost, ListCost, ContractedCost, coalesce(ChargeClass, ''), '', "
                + "coalesce(ServiceCategory, ''), coalesce(ResourceId, ''), '', PricingQuantity, coalesce(PricingUnit, ''), ConsumedQuantity, "
                + $"coalesce(ConsumedUnit, ''), '', '', '', '', coalesce(Tags, '') FROM read_csv('{_file}', header = true)",
            _ => "INSERT INTO usage_events SELECT gen_random_uuid(), 'litellm', request_id, startTime::TIMESTAMP, custom_llm_provider, model, "
                + $"coalesce(end_user, \"user\", team_id, ''), {(Csv ? "request_tags" : "array_to_string(request_tags, ',')")}, api_base, 1, "
                + "prompt_tokens, completion_tokens, 0, 0, spend, 'litellm spend', '' FROM "
                + (Csv ? $"read_csv('{_file}', header = true)" : $"read_json('{_file}', format = 'newline_delimited')"),
        };
        return command.ExecuteNonQuery();
    }

    [Benchmark]
    public long BurnrateImport()
    {
        using LedgerDatabase ledger = LedgerDatabase.Open(_db);
        return LedgerImporter.Import(ledger, new ImportRequest { Files = [_file], Format = File == "focus-csv" ? "focus" : "litellm" }).Files[0].Imported;
    }
}
