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

    // The ledger's billed storage (schema version 3, LedgerTables.Billed in Burnrate.Ledger: internal, so spelt out here;
    // a change there fails this INSERT). The baseline's profile ids need only tell profiles apart, not match the importer's.
    private const string ProfileColumns = "source, provider, service, sku, account, charge_category, description, charge_class, charge_frequency, "
        + "service_category, region, pricing_unit, consumed_unit, commitment_id, commitment_status, invoice_id, billing_account";

    private const string RowColumns = "row_id, charge_start, charge_end, billed_usd, effective_usd, list_usd, contracted_usd, resource_id, pricing_quantity, "
        + "consumed_quantity, tags, profile_id";

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
            // The billed table is a view over its rows and their distinct profiles (schema version 3): DuckDB stages the
            // mapped file, then writes the profiles and the rows, all in one transaction.
            "focus-csv" => "BEGIN; CREATE TEMP TABLE staged AS SELECT gen_random_uuid() AS row_id, 'focus' AS source, ChargePeriodStart::TIMESTAMP AS charge_start, "
                + "ChargePeriodEnd::TIMESTAMP AS charge_end, coalesce(ServiceProviderName, '') AS provider, coalesce(ServiceName, '') AS service, coalesce(SkuId, '') AS sku, "
                + "coalesce(SubAccountId, '') AS account, coalesce(ChargeCategory, '') AS charge_category, coalesce(ChargeDescription, '') AS description, "
                + "BilledCost AS billed_usd, EffectiveCost AS effective_usd, ListCost AS list_usd, ContractedCost AS contracted_usd, coalesce(ChargeClass, '') AS charge_class, "
                + "'' AS charge_frequency, coalesce(ServiceCategory, '') AS service_category, coalesce(ResourceId, '') AS resource_id, '' AS region, "
                + "PricingQuantity AS pricing_quantity, coalesce(PricingUnit, '') AS pricing_unit, ConsumedQuantity AS consumed_quantity, coalesce(ConsumedUnit, '') AS consumed_unit, "
                + "'' AS commitment_id, '' AS commitment_status, '' AS invoice_id, '' AS billing_account, coalesce(Tags, '') AS tags, "
                + $"CAST(md5(concat_ws('|', {ProfileColumns})) AS UUID) AS profile_id FROM read_csv('{_file}', header = true); "
                + $"INSERT INTO billed_costs_profiles SELECT DISTINCT profile_id, {ProfileColumns} FROM staged; "
                + $"INSERT INTO billed_costs_rows SELECT {RowColumns} FROM staged; COMMIT",
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
