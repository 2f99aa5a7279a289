namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>
/// Pins the tables and --json of the ledger subcommands (import summary, FOCUS invariants, report --out, actuals, reconcile,
/// selfhosted, export, migrate) on the
/// shipped example ledger. Files are named by a path relative to the working folder, so the tables (which show the path as
/// given) are the same on every machine.
/// </summary>
public sealed class LedgerGoldenTests : IClassFixture<LedgerGoldenTests.ExampleLedger>
{
    private readonly ExampleLedger _ledger;

    public LedgerGoldenTests(ExampleLedger ledger) => _ledger = ledger;

    private static string Dir => ExampleLedger.Folder;

    [Fact]
    public void Should_MatchGolden_When_ImportSummaryTable() =>
        Golden.Verify(GoldenRun.Run("ledger", "import", Dir + "/spend-logs.jsonl", "--format", "litellm", "--db", Fresh("import-table.duckdb")), "Ledger", "import");

    [Fact]
    public void Should_MatchGolden_When_ImportSummaryJson() =>
        Golden.Verify(GoldenRun.Run("ledger", "import", Dir + "/revenue.csv", "--format", "revenue", "--db", Fresh("import-json.duckdb"), "--json"), "Ledger", "import-json");

    [Fact]
    public void Should_MatchGolden_When_ReimportingAddsNothing()
    {
        string db = Fresh("reimport.duckdb");
        CliRunner.Run("ledger", "import", Dir + "/spend-logs.jsonl", "--format", "litellm", "--db", db).ExitCode.ShouldBe(0);
        Golden.Verify(GoldenRun.Run("ledger", "import", Dir + "/spend-logs.jsonl", "--format", "litellm", "--db", db), "Ledger", "reimport");
    }

    [Fact]
    public void Should_MatchGolden_When_ImportingAFocusBillThatBreaksAnInvariant() =>
        Golden.Verify(GoldenRun.Run("ledger", "import", Dir + "/bill.csv", "--format", "focus", "--db", Fresh("focus-table.duckdb")), "Ledger", "import-focus");

    [Fact]
    public void Should_MatchGolden_When_ImportingAFocusBillThatBreaksAnInvariantAsJson() =>
        Golden.Verify(GoldenRun.Run("ledger", "import", Dir + "/bill.csv", "--format", "focus", "--db", Fresh("focus-json.duckdb"), "--json"), "Ledger", "import-focus-json");

    [Fact]
    public void Should_MatchGolden_When_ReportWritesFiles()
    {
        string output = Dir + "/report-out";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Golden.Verify(GoldenRun.Run("ledger", "report", "--by", "customer,month", "--db", _ledger.Db, "--out", output), "Ledger", "report-out");
    }

    [Fact]
    public void Should_MatchGolden_When_ActualsTable() => Golden.Verify(GoldenRun.Run("ledger", "actuals", "--db", _ledger.Db), "Ledger", "actuals");

    [Fact]
    public void Should_MatchGolden_When_ActualsJson() => Golden.Verify(GoldenRun.Run("ledger", "actuals", "--db", _ledger.Db, "--json"), "Ledger", "actuals-json");

    [Fact]
    public void Should_MatchGolden_When_ReconcileTable() => Golden.Verify(GoldenRun.Run("ledger", "reconcile", "--db", _ledger.Billed), "Ledger", "reconcile");

    [Fact]
    public void Should_MatchGolden_When_ReconcileJson() => Golden.Verify(GoldenRun.Run("ledger", "reconcile", "--db", _ledger.Billed, "--json"), "Ledger", "reconcile-json");

    [Fact]
    public void Should_MatchGolden_When_SelfHostedTable() =>
        Golden.Verify(GoldenRun.Run("ledger", "selfhosted", "--deployments", Dir + "/deployments.yaml", "--db", _ledger.Db), "Ledger", "selfhosted");

    [Fact]
    public void Should_MatchGolden_When_ReportWithDeploymentsTable() =>
        Golden.Verify(GoldenRun.Run("ledger", "report", "--by", "customer", "--deployments", Dir + "/deployments.yaml", "--db", _ledger.Db), "Ledger", "report-deployments");

    [Fact]
    public void Should_MatchGolden_When_SelfHostedJson() =>
        Golden.Verify(GoldenRun.Run("ledger", "selfhosted", "--deployments", Dir + "/deployments.yaml", "--db", _ledger.Db, "--json"), "Ledger", "selfhosted-json");

    [Fact]
    public void Should_MatchGolden_When_ExportTable()
    {
        string focus = Fresh("focus-table.csv");
        string text = GoldenRun.Run("ledger", "export", "--focus", focus, "--db", _ledger.Db);
        Golden.Verify(text + "--- " + focus + " (header and first 3 rows)\n" + Head(focus, 4), "Ledger", "export");
    }

    [Fact]
    public void Should_MatchGolden_When_ExportJson() =>
        Golden.Verify(GoldenRun.Run("ledger", "export", "--focus", Fresh("focus-json.csv"), "--db", _ledger.Db, "--json"), "Ledger", "export-json");

    [Fact]
    public void Should_MatchGolden_When_MigrateTable() =>
        Golden.Verify(GoldenRun.Run("ledger", "migrate", "--from", _ledger.Db, "--to", Fresh("migrated-table.duckdb")), "Ledger", "migrate");

    [Fact]
    public void Should_MatchGolden_When_MigrateJson() =>
        Golden.Verify(GoldenRun.Run("ledger", "migrate", "--from", _ledger.Db, "--to", Fresh("migrated-json.duckdb"), "--json"), "Ledger", "migrate-json");

    [Fact]
    public void Should_MatchTheGoldenWorkbook_When_ReportWritesFiles()
    {
        // Given
        string output = Dir + "/report-workbook";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // When
        CliRunner.Run("ledger", "report", "--by", "customer,month", "--db", _ledger.Db, "--out", output).ExitCode.ShouldBe(0);

        // Then: sheet names, frozen panes, widths, every cell's value, number format and formula, as finance would open it
        using var book = new ClosedXML.Excel.XLWorkbook(output + "/ledger.xlsx");
        Golden.Verify(WorkbookDump.Of(book), "Ledger", "ledger-xlsx");
    }

    private static string Fresh(string name)
    {
        string path = Dir + "/" + name;
        File.Delete(path);
        File.Delete(path + ".wal");
        return path;
    }

    private static string Head(string path, int lines) => string.Concat(File.ReadLines(path).Take(lines).Select(l => l + "\n"));

    /// <summary>The example ledger (usage logs and revenue) and a small billed one (OpenAI usage priced by a list, and its cost export).</summary>
    public sealed class ExampleLedger : IDisposable
    {
        /// <summary>Gets the folder, relative to the working folder, that holds every file of these tests.</summary>
        public const string Folder = "golden-ledger-files";

        public ExampleLedger()
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }

            Directory.CreateDirectory(Folder);
            foreach (string name in new[] { "spend-logs.jsonl", "revenue.csv", "deployments.yaml" })
            {
                File.Copy(GoldenRun.Example("ledger/" + name), Folder + "/" + name);
            }

            File.WriteAllText(Folder + "/bill.csv",
                "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ServiceProviderName,ServiceName,ServiceCategory,ListUnitPrice,PricingQuantity\n"
                + "10,10,10,10,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,gpu,AWS,EC2,Compute,1.25,8\n"
                + "10,10,11,10,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,gpu,AWS,EC2,Compute,1.25,8\n");
            Import(Db, "spend-logs.jsonl", "litellm");
            Import(Db, "revenue.csv", "revenue");
            File.WriteAllText(Folder + "/prices.yaml", "source: test\nprices:\n  - model: gpt-4o\n    inputUsdPerMillionTokens: 2.5\n    outputUsdPerMillionTokens: 10\n");
            File.WriteAllText(Folder + "/usage.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"input_tokens":1000000,"output_tokens":100000,"num_model_requests":3,"project_id":"p","model":"gpt-4o"}]},{"start_time":1768089600,"end_time":1768176000,"results":[{"input_tokens":2000000,"output_tokens":50000,"num_model_requests":5,"project_id":"p","model":"gpt-4o"}]}]}""");
            File.WriteAllText(Folder + "/costs.json", """{"data":[{"start_time":1768003200,"end_time":1768089600,"results":[{"amount":{"value":3.6,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]},{"start_time":1768089600,"end_time":1768176000,"results":[{"amount":{"value":5.5,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"p"}]}]}""");
            CliRunner.Run("ledger", "import", Folder + "/usage.json", "--format", "openai-usage", "--prices", Folder + "/prices.yaml", "--db", Billed).ExitCode.ShouldBe(0);
            CliRunner.Run("ledger", "import", Folder + "/costs.json", "--format", "openai-costs", "--db", Billed).ExitCode.ShouldBe(0);
        }

        /// <summary>Gets the example ledger.</summary>
        public string Db { get; } = Folder + "/ledger.duckdb";

        /// <summary>Gets the billed ledger.</summary>
        public string Billed { get; } = Folder + "/billed.duckdb";

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the next run starts by deleting it.
            }
        }

        private static void Import(string db, string file, string format)
        {
            CliRun run = CliRunner.Run("ledger", "import", Folder + "/" + file, "--format", format, "--db", db);
            run.ExitCode.ShouldBe(0, run.Error);
        }
    }
}
