using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Import;

public sealed class LiteLlmImportTests
{
    [Fact]
    public void Should_MatchHandComputedTotals_When_ImportingTheHandFixture()
    {
        // Given
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport file = ImportFiles(ledger, "litellm", dir.Write("spend.jsonl", HandFixture.SpendLogs)).Files.Single();
        MarginReport report = Report(ledger, "customer");

        // Then: five records, the fifth repeats req-1
        (file.RowsRead, file.Imported, file.Duplicates, file.Rejected).ShouldBe((5L, 4L, 1L, 0L));
        report.Totals.Requests.ShouldBe(4);
        report.Totals.InputTokens.ShouldBe(6_500);
        report.Totals.OutputTokens.ShouldBe(2_750);
        report.Totals.CostUsd.Usd.ShouldBe(15.0728m);
        Row(report, "acme").CostUsd.Usd.ShouldBe(11.2395m);
        Row(report, "bob").CostUsd.Usd.ShouldBe(0.5m);
        Row(report, "team-x").CostUsd.Usd.ShouldBe(3.3333m);
        report.From.ShouldBe(new DateOnly(2026, 1, 5));
        report.To.ShouldBe(new DateOnly(2026, 2, 1)); // 00:00+02:00 is Feb 1 22:00 UTC
    }

    [Fact]
    public void Should_GroupByFeatureAndMonth_When_TagsVary()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        ImportFiles(ledger, "litellm", dir.Write("spend.jsonl", HandFixture.SpendLogs));

        MarginReport report = Report(ledger, "feature", "month");

        report.Rows.Select(r => (r.Key["feature"], r.Key["month"], r.CostUsd.Usd)).ShouldBe(
        [
            ("(untagged)", "2026-01", 10.005m),
            ("(untagged)", "2026-02", 3.3333m),
            ("chat", "2026-01", 1.2345m),
            ("chat,search", "2026-01", 0.5m),
        ]);
    }

    [Fact]
    public void Should_EqualGeneratedTotalsToTheCent_When_ImportingJsonlAndCsv()
    {
        // Given 3,000 generated requests; expected sums computed from the records themselves
        using var dir = new TempFolder();
        List<SpendRecord> records = LiteLlmFixture.Generate(3_000, seed: 7);
        var expected = records.GroupBy(r => r.Customer).ToDictionary(g => g.Key, g => (Cost: g.Sum(r => r.Spend), Input: g.Sum(r => r.PromptTokens), N: g.Count()));

        foreach ((string name, Func<string> write) in new (string, Func<string>)[]
        {
            ("jsonl", () => LiteLlmFixture.WriteJsonl(dir.Path, "spend.jsonl", records)),
            ("csv", () => LiteLlmFixture.WriteCsv(dir.Path, "spend.csv", records)),
        })
        {
            using LedgerDatabase ledger = LedgerDatabase.Open(dir.File(name + ".duckdb"));

            // When
            FileImport file = ImportFiles(ledger, "litellm", write()).Files.Single();
            MarginReport report = Report(ledger, "customer");

            // Then
            file.Rejected.ShouldBe(0, name + ": " + string.Join("; ", file.Errors.Take(3)));
            file.Imported.ShouldBe(3_000);
            report.Totals.CostUsd.Usd.ShouldBe(records.Sum(r => r.Spend), name);
            foreach (MarginRow row in report.Rows)
            {
                (Money, long, long) actual = (row.CostUsd, row.InputTokens, row.Requests);
                actual.ShouldBe((new Money(expected[row.Key["customer"]].Cost), expected[row.Key["customer"]].Input, (long)expected[row.Key["customer"]].N), name);
            }
        }
    }

    [Fact]
    public void Should_ReportEveryRowAsDuplicate_When_ReimportingTheSameFile()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string path = LiteLlmFixture.WriteJsonl(dir.Path, "spend.jsonl", LiteLlmFixture.Generate(1_000, seed: 3));
        ImportFiles(ledger, "litellm", path);
        MarginReport before = Report(ledger, "customer", "model");

        FileImport again = ImportFiles(ledger, "litellm", path).Files.Single();
        MarginReport after = Report(ledger, "customer", "model");

        (again.Imported, again.Duplicates).ShouldBe((0L, 1_000L));
        after.Rows.Select(r => r.Figures).ShouldBe(before.Rows.Select(r => r.Figures));
    }

    [Fact]
    public void Should_KeepGoodRowsAndNameEachBadLine_When_OnePercentIsMalformed()
    {
        // Given every 100th line broken in a different way
        using var dir = new TempFolder();
        List<SpendRecord> records = LiteLlmFixture.Generate(2_000, seed: 11);
        string[] breakages =
        [
            "{\"request_id\":\"x\",\"startTime\":\"2026-01-01T00:00:00Z\",\"model\":\"m\"",   // truncated JSON
            "{\"request_id\":\"y\",\"startTime\":\"yesterday\",\"model\":\"m\"}",             // bad time
            "{\"request_id\":\"z\",\"startTime\":\"2026-01-01\",\"model\":\"m\",\"prompt_tokens\":-3}",
            "{\"request_id\":\"w\",\"startTime\":\"2026-01-01\",\"prompt_tokens\":3}",       // no model
            "not json at all",
        ];
        string path = LiteLlmFixture.WriteJsonl(dir.Path, "spend.jsonl", records, i => i % 100 == 99 ? breakages[i / 100 % breakages.Length] : null);
        var good = records.Where((_, i) => i % 100 != 99).ToList();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport file = ImportFiles(ledger, "litellm", path).Files.Single();

        // Then
        file.Rejected.ShouldBe(20);
        file.Errors.Select(e => e.Line).ShouldBe(Enumerable.Range(1, 20).Select(k => 100L * k));
        file.Errors[1].Message.ShouldContain("startTime: \"yesterday\"");
        file.Errors[2].Message.ShouldContain("prompt_tokens: \"-3\" is not a whole number ≥ 0");
        file.Errors[3].Message.ShouldContain("model: missing");
        file.Imported.ShouldBe(1_980);
        Report(ledger, "customer").Totals.CostUsd.Usd.ShouldBe(good.Sum(r => r.Spend));
    }

    [Fact]
    public void Should_GiveTheSameTotals_When_AnImportIsStoppedMidwayAndRerun()
    {
        // Given a 5,000-row file imported in batches of 500 and stopped after about 2,100 rows
        using var dir = new TempFolder();
        string path = LiteLlmFixture.WriteJsonl(dir.Path, "spend.jsonl", LiteLlmFixture.Generate(5_000, seed: 5));
        using LedgerDatabase clean = LedgerDatabase.Open(dir.File("clean.duckdb"));
        ImportFiles(clean, "litellm", path);
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        var request = new ImportRequest { Files = [path], Format = "litellm", BatchRows = 500 };
        using var stop = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Rows >= 2_000)
            {
                stop.Cancel();
            }
        });

        // When
        Should.Throw<OperationCanceledException>(() => LedgerImporter.Import(ledger, request, progress, stop.Token));
        long partial = Report(ledger, "customer").Totals.Requests;
        FileImport rerun = LedgerImporter.Import(ledger, request).Files.Single();

        // Then: whole batches only were kept, and the re-run completes them
        partial.ShouldBeInRange(1L, 4_999L);
        (partial % 500).ShouldBe(0);
        rerun.Duplicates.ShouldBe(partial);
        Report(ledger, "customer", "month").Rows.Select(r => r.Figures).ShouldBe(Report(clean, "customer", "month").Rows.Select(r => r.Figures));
    }

    [Fact]
    public void Should_KeepIdenticalLinesWithoutRequestId_When_TheyRepeatInOneFile()
    {
        using var dir = new TempFolder();
        const string line = "{\"startTime\":\"2026-03-01T00:00:00Z\",\"model\":\"m\",\"prompt_tokens\":1,\"spend\":0.25,\"end_user\":\"c\"}\n";
        string path = dir.Write("s.jsonl", line + line + line);
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        FileImport first = ImportFiles(ledger, "litellm", path).Files.Single();
        FileImport second = ImportFiles(ledger, "litellm", path).Files.Single();

        first.Imported.ShouldBe(3);
        second.Duplicates.ShouldBe(3);
        Report(ledger, "customer").Totals.CostUsd.Usd.ShouldBe(0.75m);
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
