using System.Globalization;
using System.Text;
using System.Text.Json;
using Burnrate.Catalog;
using Burnrate.Ledger.Import;
using Burnrate.Ledger.SelfHosted;
using Burnrate.Ledger.Tests.Fixtures;

namespace Burnrate.Ledger.Tests.Store;

/// <summary>
/// The same files imported by every importer into DuckDB, one ClickHouse server and a two-shard ClickHouse cluster give
/// identical imports and identical reports, exactly (not only to the cent); re-importing changes nothing on any store.
/// </summary>
public sealed class StoreConformanceTests
{
    private const string Mapping =
        """
        source: gateway
        columns:
          requestId: id
          time: ts
          model: engine
          customer: tenant
          feature: route
          inputTokens: in_tok
          outputTokens: out_tok
          costUsd: cost_cents
        defaults:
          provider: self-hosted
        timeUnit: unix-milliseconds
        costScale: 0.01
        """;

    private const string JsonlMapping =
        """
        source: gateway-json
        columns:
          time: meta.at
          model: meta.model
          customer: who.tenant
          feature: tags
          inputTokens: usage.prompt_tokens
          outputTokens: usage.completion_tokens
          costUsd: usage.cost
        """;

    // Self-hosted traffic whose api_base differs from the deployments file's route only in (non-ASCII) case.
    private const string EdgeLog =
        """
        {"request_id":"edge-1","startTime":"2026-01-04T09:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"vllm","api_base":"https://Über-gpu.example/v1","prompt_tokens":1200,"completion_tokens":300,"spend":0,"end_user":"acme"}
        {"request_id":"edge-2","startTime":"2026-01-21T18:30:00Z","model":"llama-3.1-8b","custom_llm_provider":"vllm","api_base":"https://über-gpu.example/V1","prompt_tokens":800,"completion_tokens":900,"spend":0,"end_user":"globex"}
        {"request_id":"edge-3","startTime":"2026-02-09T00:00:01Z","model":"llama-3.1-8b","custom_llm_provider":"vllm","api_base":"https://ÜBER-GPU.EXAMPLE/V1","prompt_tokens":50,"completion_tokens":7000,"spend":0,"end_user":"acme"}
        {"request_id":"edge-4","startTime":"2026-02-10T03:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"vllm","api_base":"https://uber-gpu.example/v1","prompt_tokens":10,"completion_tokens":10,"spend":0,"end_user":"acme"}
        """;

    // The gateway CSV's rows (provider 'self-hosted' from the mapping's defaults).
    private static List<SpendRecord> GatewayRecords => LiteLlmFixture.Generate(500, seed: 14);

    /// <summary>Gets the files of every import format: (format, path, mapping or null).</summary>
    private static List<(string Format, string Path, string? Mapping)> Files(TempFolder dir)
    {
        List<SpendRecord> generated = LiteLlmFixture.Generate(1_500, seed: 13);
        List<SpendRecord> gateway = GatewayRecords;
        var tricky = new SpendRecord("req-tab", new DateTime(2026, 1, 7, 12, 0, 0, DateTimeKind.Utc), "gpt-4o", "openai", 10, 5, 0.123456789012345m,
            "o'brien\t\\ \"quoted\"\nnext line", null, null, ["a\tb", "ünïcode ✓"]);
        string prices = dir.Write("prices.yaml", ProviderFixture.Prices);
        return
        [
            ("litellm", dir.Write("hand.jsonl", HandFixture.SpendLogs), null),
            ("litellm", dir.Write("edge.jsonl", EdgeLog + "\n"), null),
            ("litellm", LiteLlmFixture.WriteJsonl(dir.Path, "spend.jsonl", [.. generated, tricky]), null),
            ("litellm", LiteLlmFixture.WriteCsv(dir.Path, "spend.csv", LiteLlmFixture.Generate(300, seed: 15, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc))), null),
            ("openai-usage", dir.Write("oai-usage.json", ProviderFixture.OpenAiUsage), prices),
            ("openai-costs", dir.Write("oai-costs.jsonl", ProviderFixture.OpenAiCosts), null),
            ("anthropic-usage", dir.Write("ant-usage.json", ProviderFixture.AnthropicUsage), prices),
            ("anthropic-costs", dir.Write("ant-costs.json", ProviderFixture.AnthropicCosts), null),
            ("focus", dir.Write("bill.csv", FocusFixture.Bill), null),
            ("focus", FocusFixture.Write(dir.Path, "generated-focus.csv", FocusFixture.Generate(400, seed: 16)), null),
            ("csv", dir.Write("gateway.csv", "id,ts,engine,tenant,route,in_tok,out_tok,cost_cents\n" + string.Join('\n', gateway.Select(GatewayCsv)) + "\n"), dir.Write("gateway.yaml", Mapping)),
            ("jsonl", dir.Write("gateway.jsonl", string.Join('\n', gateway.Take(200).Select(GatewayJson)) + "\n"), dir.Write("gateway-json.yaml", JsonlMapping)),
            ("revenue", dir.Write("revenue.csv", HandFixture.Revenue + "\n2026-01-20,globex,1234.56,usage\n2026-02-03,initech,99.99,subscription\n2026-03-01,hooli,-12.5,credit\n"), null),
        ];
    }

    private static string GatewayCsv(SpendRecord r) => string.Join(',',
        r.RequestId, new DateTimeOffset(r.StartTime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), r.Model, r.Customer,
        r.Tags.Length > 0 ? r.Tags[0] : string.Empty, r.PromptTokens.ToString(CultureInfo.InvariantCulture),
        r.CompletionTokens.ToString(CultureInfo.InvariantCulture), (r.Spend * 100).ToString(CultureInfo.InvariantCulture));

    private static string GatewayJson(SpendRecord r) => JsonSerializer.Serialize(new
    {
        meta = new { at = r.StartTime.ToString("O", CultureInfo.InvariantCulture), model = r.Model },
        who = new { tenant = r.Customer },
        tags = r.Tags,
        usage = new { prompt_tokens = r.PromptTokens, completion_tokens = r.CompletionTokens, cost = r.Spend },
    });

    /// <summary>Imports every file (a batch of 700 rows, so files span several batches) and returns the import reports' text.</summary>
    private static string ImportAll(LedgerDatabase ledger, List<(string Format, string Path, string? Mapping)> files)
    {
        var text = new StringBuilder();
        foreach ((string format, string path, string? extra) in files)
        {
            var request = new ImportRequest
            {
                Files = [path],
                Format = format,
                BatchRows = 700,
                MappingPath = ImportFormats.NeedsMapping(format) ? extra : null,
                PricePaths = !ImportFormats.NeedsMapping(format) && extra is not null ? [extra] : [],
            };
            text.Append(LedgerFingerprint.Of(LedgerImporter.Import(ledger, request))).Append('\n');
        }

        return text.ToString();
    }

    private static (string Imports, string Reports, string Reimports, string ReportsAfter) Run(string db, TempFolder dir, LedgerCredentials? credentials = null)
    {
        var files = Files(dir);
        using LedgerDatabase ledger = LedgerDatabase.Open(db, credentials);
        string imports = ImportAll(ledger, files);
        string reports = LedgerFingerprint.Of(ledger, dir);
        string reimports = ImportAll(ledger, files);
        return (imports, reports, reimports, LedgerFingerprint.Of(ledger, dir));
    }

    private static void ShouldEqualDuckDb((string Imports, string Reports, string Reimports, string ReportsAfter) actual, TempFolder dir)
    {
        var expected = Run(dir.File("baseline.duckdb"), dir);
        FirstDifference(actual.Imports, expected.Imports).ShouldBeNull("imports");
        FirstDifference(actual.Reports, expected.Reports).ShouldBeNull("reports");
        FirstDifference(actual.Reimports, expected.Reimports).ShouldBeNull("re-imports");
        FirstDifference(actual.ReportsAfter, expected.Reports).ShouldBeNull("reports after the re-import");
    }

    // The first differing line with the three before it, or null when the texts are equal (a whole-text diff is unreadable).
    private static string? FirstDifference(string actual, string expected)
    {
        string[] a = actual.Split('\n'), e = expected.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            string? x = i < a.Length ? a[i] : null, y = i < e.Length ? e[i] : null;
            if (x != y)
            {
                return $"line {i + 1}: after\n{string.Join('\n', e[Math.Max(0, i - 6)..i])}\nstore:  {x}\nDuckDB: {y}";
            }
        }

        return null;
    }

    [Fact]
    public void Should_ReportEveryRowAsDuplicateAndKeepEveryFigure_When_ReimportingIntoDuckDb()
    {
        // Given a DuckDB ledger holding every importer's files
        using var dir = new TempFolder();

        // When they are imported again
        var run = Run(dir.File("l.duckdb"), dir);

        // Then nothing is imported twice and every report is unchanged
        run.Reimports.ShouldNotContain("\"Imported\": 1");
        run.Reimports.ShouldContain("\"Duplicates\": 1501"); // 1,500 generated rows + the tab-and-quote row
        run.ReportsAfter.ShouldBe(run.Reports);
        run.Reports.ShouldContain("o\\u0027brien\\t\\\\ \\u0022quoted\\u0022\\nnext line");

        // and the self-hosted report the fingerprint compares costs every deployment, gpu-edge serving the three rows whose
        // api_base is its route in another (non-ASCII) case, not the 'uber' one
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        SelfHostedReport selfHosted = SelfHostedEngine.Run(ledger, BurnrateCatalog.Embedded, DeploymentsYaml.Read(LedgerFingerprint.Deployments, "deployments.yaml"));
        selfHosted.Months.Select(m => m.Deployment).Distinct().ShouldBe(["vllm-70b", "gpu-edge", "overlap"]);
        selfHosted.Lines.Where(l => l.Deployment == "gpu-edge" && l.Customer != SelfHostedLine.Idle).Sum(l => l.Requests).ShouldBe(3 + GatewayRecords.Count(r => r.StartTime >= new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc)));
        selfHosted.Lines.Where(l => l.Deployment == "vllm-70b" && l.Customer != SelfHostedLine.Idle).Sum(l => l.Requests).ShouldBeGreaterThan(100);
    }

    [ClickHouseFact]
    public void Should_ImportAndReportExactlyAsDuckDb_When_TheLedgerIsOneClickHouseServer()
    {
        // Given one ClickHouse server, reached as the password-protected test user
        using var dir = new TempFolder();
        using var servers = new ClickHouseServers();

        // When every importer's files are imported, reported, imported again and reported again
        var run = Run(servers.Single, dir, ClickHouseServers.Credentials);

        // Then each step equals DuckDB's, to the last decimal place
        ShouldEqualDuckDb(run, dir);
    }

    [ClickHouseFact]
    public void Should_ImportAndReportExactlyAsDuckDb_When_TheLedgerIsATwoShardCluster()
    {
        // Given the two-shard cluster
        using var dir = new TempFolder();
        using var servers = new ClickHouseServers();

        // When every importer's files are imported, reported, imported again and reported again
        var run = Run(servers.Cluster, dir, ClickHouseServers.Credentials);

        // Then each step equals DuckDB's, and usage and revenue rows landed on both shards
        ShouldEqualDuckDb(run, dir);
        foreach (string table in new[] { "usage_events_local", "revenue_local", "billed_costs_local" })
        {
            long first = servers.RowsOn(1, table), second = servers.RowsOn(2, table);
            first.ShouldBeGreaterThan(0, $"{table} on shard 1");
            second.ShouldBeGreaterThan(0, $"{table} on shard 2");
        }
    }

    [ClickHouseFact]
    public void Should_GiveTheSameReportsOnTheCluster_When_MigratingADuckDbLedger()
    {
        // Given a DuckDB ledger holding every importer's files
        using var dir = new TempFolder();
        using var servers = new ClickHouseServers();
        using LedgerDatabase duck = LedgerDatabase.Open(dir.File("source.duckdb"));
        ImportAll(duck, Files(dir));

        // When it is migrated into the two-shard cluster in batches of 500 rows, then migrated again
        using LedgerDatabase cluster = LedgerDatabase.Open(servers.Cluster, ClickHouseServers.Credentials);
        MigrationReport first = LedgerMigration.Copy(duck, cluster, batchRows: 500);
        MigrationReport second = LedgerMigration.Copy(duck, cluster, batchRows: 500);

        // Then every row is copied once, and the cluster's reports equal the file's exactly
        first.Tables.Sum(t => t.RowsRead).ShouldBeGreaterThan(2_500);
        first.Tables.ShouldAllBe(t => t.Copied == t.RowsRead && t.AlreadyPresent == 0);
        second.Tables.ShouldAllBe(t => t.Copied == 0 && t.AlreadyPresent == t.RowsRead);
        FirstDifference(LedgerFingerprint.Of(cluster, dir), LedgerFingerprint.Of(duck, dir)).ShouldBeNull();
    }
}
