using System.Globalization;
using System.Text.Json;
using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Import;

public sealed class MappedImportTests
{
    private const string CsvMapping =
        """
        source: gateway
        columns:
          requestId: id
          time: ts
          model: engine
          customer: [tenant, org]
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

    private static string Csv(SpendRecord r, int i) => string.Join(',',
        r.RequestId, new DateTimeOffset(r.StartTime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), r.Model,
        i % 2 == 0 ? r.Customer : string.Empty, i % 2 == 0 ? "other" : r.Customer, r.Tags.Length > 0 ? r.Tags[0] : string.Empty,
        r.PromptTokens.ToString(CultureInfo.InvariantCulture), r.CompletionTokens.ToString(CultureInfo.InvariantCulture),
        (r.Spend * 100).ToString(CultureInfo.InvariantCulture));

    private static string Jsonl(SpendRecord r) => JsonSerializer.Serialize(new
    {
        meta = new { at = r.StartTime.ToString("O", CultureInfo.InvariantCulture), model = r.Model },
        who = new { tenant = r.Customer },
        tags = r.Tags,
        usage = new { prompt_tokens = r.PromptTokens, completion_tokens = r.CompletionTokens, cost = r.Spend },
    });

    [Fact]
    public void Should_EqualGeneratedTotalsToTheCent_When_ImportingMappedCsvAndJsonl()
    {
        // Given 3,000 generated requests as a gateway's CSV (cost in cents, Unix ms, customer in one of two columns) and as nested JSONL
        using var dir = new TempFolder();
        List<SpendRecord> records = LiteLlmFixture.Generate(3_000, seed: 17);
        string csv = dir.Write("g.csv", "id,ts,engine,tenant,org,route,in_tok,out_tok,cost_cents\n" + string.Join('\n', records.Select(Csv)) + "\n");
        string jsonl = dir.Write("g.jsonl", string.Join('\n', records.Select(Jsonl)) + "\n");

        foreach ((string format, string file, string mapping) in new[] { ("csv", csv, CsvMapping), ("jsonl", jsonl, JsonlMapping) })
        {
            using LedgerDatabase ledger = LedgerDatabase.Open(dir.File(format + ".duckdb"));
            var request = new ImportRequest { Files = [file], Format = format, MappingPath = dir.Write(format + "-map.yaml", mapping) };

            // When imported twice
            FileImport first = LedgerImporter.Import(ledger, request).Files.Single();
            FileImport again = LedgerImporter.Import(ledger, request).Files.Single();
            MarginReport report = Report(ledger, "customer");

            // Then
            (first.Imported, first.Rejected).ShouldBe((3_000L, 0L), format + ": " + string.Join("; ", first.Errors.Take(3)));
            again.Duplicates.ShouldBe(3_000, format);
            report.Totals.CostUsd.Usd.ShouldBe(records.Sum(r => r.Spend), format);
            report.Totals.InputTokens.ShouldBe(records.Sum(r => r.PromptTokens), format);
            foreach (MarginRow row in report.Rows)
            {
                row.CostUsd.Usd.ShouldBe(records.Where(r => r.Customer == row.Key["customer"]).Sum(r => r.Spend), format + " " + row.Key["customer"]);
            }
        }
    }

    [Fact]
    public void Should_KeepGoodRowsAndNameEachBadLine_When_OnePercentIsMalformed()
    {
        using var dir = new TempFolder();
        List<SpendRecord> records = LiteLlmFixture.Generate(1_000, seed: 2);
        string[] broken = ["{\"meta\": {\"at\": \"soon\", \"model\": \"m\"}}", "{\"meta\": {\"at\": \"2026-01-01T00:00:00Z\"}}", "[1, 2]", "{\"meta\": {\"at\": \"2026-01-01T00:00:00Z\", \"model\": \"m\"}, \"usage\": {\"cost\": \"lots\"}}", "{oops"];
        string jsonl = dir.Write("g.jsonl", string.Join('\n', records.Select((r, i) => i % 100 == 99 ? broken[i / 100 % 5] : Jsonl(r))) + "\n");
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        FileImport file = LedgerImporter.Import(ledger, new ImportRequest { Files = [jsonl], Format = "jsonl", MappingPath = dir.Write("m.yaml", JsonlMapping) }).Files.Single();

        file.Errors.Select(e => e.Line).ShouldBe(Enumerable.Range(1, 10).Select(k => 100L * k));
        file.Errors[0].Message.ShouldStartWith("time: \"soon\" is not a timestamp");
        file.Errors[1].Message.ShouldBe("model: missing (column meta.model, no default)");
        file.Errors[2].Message.ShouldBe("the line is not a JSON object");
        file.Errors[3].Message.ShouldStartWith("costUsd: \"lots\" is not a USD amount");
        file.Errors[4].Message.ShouldStartWith("not a valid JSON object");
        Report(ledger, "customer").Totals.CostUsd.Usd.ShouldBe(records.Where((_, i) => i % 100 != 99).Sum(r => r.Spend));
    }

    [Fact]
    public void Should_NameTheFieldAndLine_When_TheMappingHasATypo()
    {
        using var dir = new TempFolder();
        string mapping = dir.Write("m.yaml", "source: s\ncolumns:\n  time: ts\n  model: m\n  inputTokns: in\n");
        string csv = dir.Write("g.csv", "ts,m,in\n1,a,2\n");
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        Burnrate.Core.Validation.InputException e = Should.Throw<Burnrate.Core.Validation.InputException>(() =>
            LedgerImporter.Import(ledger, new ImportRequest { Files = [csv], Format = "csv", MappingPath = mapping }));

        e.Message.ShouldStartWith($"{mapping}:5:3: unknown field 'inputTokns' (did you mean 'inputTokens'?)");
    }
}
