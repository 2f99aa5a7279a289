using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Import;

public sealed class FocusImportTests
{
    private static (decimal Billed, decimal Effective, decimal List, decimal Contracted, long Rows) Sums(LedgerDatabase ledger) =>
        ledger.Store.Query(
            "SELECT sum(billed_usd), sum(effective_usd), sum(list_usd), sum(contracted_usd), count(*) FROM billed_costs WHERE source = 'focus'",
            r => (Ledger.Store.DbValues.Money(r, 0), Ledger.Store.DbValues.Money(r, 1), Ledger.Store.DbValues.Money(r, 2), Ledger.Store.DbValues.Money(r, 3), Ledger.Store.DbValues.Count(r, 4)))[0];

    [Fact]
    public void Should_MatchTheHandComputedBill_When_ImportingFocusCsv()
    {
        // Given
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport file = ImportFiles(ledger, "focus", dir.Write("bill.csv", FocusFixture.Bill)).Files.Single();
        ReconcileReport reconcile = ReconcileEngine.Run(ledger);

        // Then: every row imported, no invariant broken, billed per day and provider to the cent
        (file.RowsRead, file.Imported, file.Rejected).ShouldBe((4L, 4L, 0L), string.Join("; ", file.Errors));
        file.Violations.ShouldBeEmpty();
        Sums(ledger).ShouldBe((102.424567m, 102.424567m, 99.82m, 99.554567m, 4L));
        reconcile.Rows.Select(r => (r.Date!.Value.Day, r.Provider, r.BilledUsd.Usd)).ShouldBe([(10, "AWS", 101.19m), (11, "Microsoft", 1.234567m)]);
    }

    [Fact]
    public void Should_ReportEveryRowAsDuplicate_When_ReimportingTheBill()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string path = dir.Write("bill.csv", FocusFixture.Bill);
        ImportFiles(ledger, "focus", path);

        FileImport again = ImportFiles(ledger, "focus", path).Files.Single();

        (again.Imported, again.Duplicates).ShouldBe((0L, 4L));
        Sums(ledger).Billed.ShouldBe(102.424567m);
    }

    [Fact]
    public void Should_EqualGeneratedTotalsToTheCent_When_ImportingAGeneratedBill()
    {
        // Given 5,000 generated charges
        using var dir = new TempFolder();
        List<FocusFixture.Charge> charges = FocusFixture.Generate(5_000, seed: 21);
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport file = ImportFiles(ledger, "focus", FocusFixture.Write(dir.Path, "bill.csv", charges)).Files.Single();
        ReconcileReport reconcile = ReconcileEngine.Run(ledger);

        // Then
        file.Imported.ShouldBe(5_000, string.Join("; ", file.Errors.Take(3)));
        file.Violations.ShouldBeEmpty();
        Sums(ledger).Billed.ShouldBe(charges.Sum(c => c.Billed));
        foreach (ReconcileRow total in reconcile.Totals)
        {
            total.BilledUsd.Usd.ShouldBe(charges.Where(c => c.Provider == total.Provider).Sum(c => c.Billed), total.Provider);
        }
    }

    [Fact]
    public void Should_KeepGoodRowsAndNameEachBadLine_When_OnePercentIsMalformed()
    {
        // Given every 100th record broken: a bad amount, a non-USD currency, an unknown category, a bad time, too few fields
        using var dir = new TempFolder();
        List<FocusFixture.Charge> charges = FocusFixture.Generate(2_000, seed: 4);
        string good = FocusFixture.Csv(charges[0], 0);
        string[] breakages =
        [
            "abc" + good[good.IndexOf(',', StringComparison.Ordinal)..],
            good.Replace(",USD,", ",EUR,", StringComparison.Ordinal),
            good.Replace(",Usage,", ",Refund,", StringComparison.Ordinal).Replace(",Credit,", ",Refund,", StringComparison.Ordinal),
            good.Replace("2026-", "20x6-", StringComparison.Ordinal),
            "1,1,1",
        ];
        string path = FocusFixture.Write(dir.Path, "bill.csv", charges, i => i % 100 == 99 ? breakages[i / 100 % breakages.Length] : null);
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport file = ImportFiles(ledger, "focus", path).Files.Single();

        // Then: line = record + 1 (the header is line 1)
        file.Rejected.ShouldBe(20);
        file.Errors.Select(e => e.Line).ShouldBe(Enumerable.Range(1, 20).Select(k => 100L * k + 1));
        file.Errors[0].Message.ShouldBe("BilledCost: \"abc\" is not a USD amount below 100,000,000");
        file.Errors[1].Message.ShouldContain("BillingCurrency: \"EUR\" is not USD");
        file.Errors[2].Message.ShouldContain("ChargeCategory: \"Refund\" is not one of Usage, Purchase, Tax, Credit, Adjustment");
        file.Errors[3].Message.ShouldContain("ChargePeriodStart: \"20x6-");
        file.Errors[4].Message.ShouldBe("3 fields where the header has 26");
        Sums(ledger).Billed.ShouldBe(charges.Where((_, i) => i % 100 != 99).Sum(c => c.Billed));
    }

    [Fact]
    public void Should_ImportAndReportEachViolation_When_RowsBreakFocusInvariants()
    {
        // Given one row per invariant (columns as in FocusFixture.Header)
        string[] rows =
        [
            "10,10,11,10,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,list off,AWS,EC2,Compute,a,r,s,1,1,10,Hours,10,Hours",        // ListCost 11 ≠ 1 × 10
            "10,10,10,9,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,contract off,AWS,EC2,Compute,a,r,s,1,1,10,Hours,10,Hours",   // ContractedCost 9 ≠ 1 × 10
            "-5,-4,0,0,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Credit,,credit,AWS,EC2,Compute,a",                                     // credit effective ≠ billed
            "2,2,0,0,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Tax,,tax,AWS,EC2,Compute,a,,,,,3,Hours",                                  // tax with a quantity
            "1,1,1,1,USD,2026-01-02T00:00:00Z,2026-01-01T00:00:00Z,Usage,,backwards,AWS,EC2,Compute,a,r,s",                                  // end before start
            "12,12,11,10,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,Correction,fix,AWS,EC2,Compute,a,r,s,1,1,10,Hours,10,Hours",  // a correction may differ
            "30,0,30,30,USD,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z,Purchase,,1-month RI,AWS,EC2,Compute,a,r,s,,,,,,,ri-1",                 // purchase 30
            "0,20,20,20,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,RI used,AWS,EC2,Compute,a,r,s,,,,,,,ri-1,Used",                  // amortized 20 + 5 = 25 ≠ 30
            "0,5,5,5,USD,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,Usage,,RI unused,AWS,EC2,Compute,a,r,s,,,,,,,ri-1",                        // no status
        ];
        string csv = FocusFixture.Header + "\n" + string.Join('\n', rows.Select(r => string.Join(',', r.Split(',').Concat(Enumerable.Repeat(string.Empty, 26)).Take(26)))) + "\n";
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport file = ImportFiles(ledger, "focus", dir.Write("bill.csv", csv)).Files.Single();

        // Then: every charge is in the ledger, and each broken invariant is named with its line
        file.Imported.ShouldBe(9, string.Join("; ", file.Errors));
        Sums(ledger).Billed.ShouldBe(10m + 10m - 5m + 2m + 1m + 12m + 30m);
        file.Violations.Select(v => (v.Line, v.Rule)).ShouldBe(
        [
            (2L, "ListCost = ListUnitPrice × PricingQuantity"),
            (3L, "ContractedCost = ContractedUnitPrice × PricingQuantity"),
            (4L, "Credit: EffectiveCost = BilledCost"),
            (5L, "Tax: no PricingQuantity"),
            (6L, "ChargePeriodEnd"),
            (10L, "CommitmentDiscountStatus"),
            (8L, "commitment"),
        ]);
        file.Violations[0].Message.ShouldBe("ListCost 11.00 ≠ ListUnitPrice 1 × PricingQuantity 10 = 10.00");
        file.Violations[^1].Message.ShouldContain("Σ EffectiveCost of its Usage rows 25.00 ≠ Σ BilledCost of its Purchase rows 30.00");
    }

    [Fact]
    public void Should_AcceptPreviewAndSnakeCaseNames_When_ColumnsAreRenamed()
    {
        // Given FOCUS 1.0-preview names (AmortizedCost, ChargeType, ProviderName, UsageQuantity) in snake_case, and a stray column
        string csv = "billed_cost,amortized_cost,list_cost,contracted_cost,billing_currency,charge_period_start,charge_period_end,charge_type,provider_name,service_name,usage_quantity,Team\n"
            + "3.5,3.25,4,3.5,USD,2026-02-01 00:00:00,2026-02-02 00:00:00,usage,OpenAI,OpenAI API,100,ml\n";
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        FileImport file = ImportFiles(ledger, "focus", dir.Write("bill.csv", csv)).Files.Single();

        file.Imported.ShouldBe(1, string.Join("; ", file.Errors));
        Sums(ledger).ShouldBe((3.5m, 3.25m, 4m, 3.5m, 1L));
        ReconcileEngine.Run(ledger).Rows.Single().Provider.ShouldBe("OpenAI");
        file.Violations.Select(v => v.Message).ShouldBe(
        [
            "ChargeClass: missing (mandatory since FOCUS 1.0)",
            "ChargeDescription: missing (mandatory since FOCUS 1.0)",
            "ServiceCategory: missing (mandatory since FOCUS 1.0)",
            "Team: not a FOCUS column, and custom columns must be prefixed x_ (kept out of the ledger)",
        ]);
    }

    [Fact]
    public void Should_RefuseTheFile_When_ItIsNotFocus()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string path = dir.Write("bill.csv", "date,customer,amountUsd,kind\n2026-01-01,a,1,usage\n");

        Burnrate.Core.Validation.InputException e = Should.Throw<Burnrate.Core.Validation.InputException>(() => ImportFiles(ledger, "focus", path));

        e.Message.ShouldBe($"{path}:1: not a FOCUS cost and usage file: the header lacks BilledCost, EffectiveCost, ChargePeriodStart, ChargePeriodEnd; it has date, customer, amountUsd, kind");
    }

    [Fact]
    public void Should_RoundTripTheUsageCost_When_ExportingFocusAndImportingIt()
    {
        // Given 2,000 LiteLLM requests (with their own spend) in a ledger
        using var dir = new TempFolder();
        List<SpendRecord> records = LiteLlmFixture.Generate(2_000, seed: 8);
        using LedgerDatabase source = LedgerDatabase.Open(dir.File("source.duckdb"));
        ImportFiles(source, "litellm", LiteLlmFixture.WriteJsonl(dir.Path, "spend.jsonl", records));

        foreach (string name in new[] { "export.csv", "export.parquet" })
        {
            // When exported as FOCUS and imported into another ledger
            FocusExportSummary summary = FocusExport.Write(source, dir.File(name));
            using LedgerDatabase target = LedgerDatabase.Open(dir.File(name + ".duckdb"));
            FileImport file = ImportFiles(target, "focus", dir.File(name)).Files.Single();

            // Then: the bill equals the usage cost to the cent, row for row, and breaks no invariant
            summary.BilledUsd.Usd.ShouldBe(records.Sum(r => r.Spend), name);
            file.Rejected.ShouldBe(0, string.Join("; ", file.Errors.Take(3)));
            file.Violations.ShouldBeEmpty(name);
            file.Imported.ShouldBe(summary.Rows);
            Sums(target).Billed.ShouldBe(records.Sum(r => r.Spend), name);
            foreach (var day in records.GroupBy(r => (DateOnly.FromDateTime(r.StartTime), r.Provider)))
            {
                ReconcileEngine.Run(target, day.Key.Item1, day.Key.Item1).Rows.Single(r => r.Provider == day.Key.Provider).BilledUsd.Usd
                    .ShouldBe(day.Sum(r => r.Spend), day.Key.ToString());
            }
        }
    }

    [Fact]
    public void Should_ImportTheSameChargesOnce_When_TheBillComesAsCsvAndAsParquet()
    {
        // Given the hand bill as CSV and the same rows as typed Parquet (DuckDB's detected types: decimals, timestamps with time zone)
        using var dir = new TempFolder();
        string csv = dir.Write("bill.csv", FocusFixture.Bill);
        string parquet = dir.File("bill.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT PARQUET)";
            command.ExecuteNonQuery();
        }

        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        FileImport first = ImportFiles(ledger, "focus", parquet).Files.Single();
        FileImport second = ImportFiles(ledger, "focus", csv).Files.Single();

        // Then
        first.Imported.ShouldBe(4, string.Join("; ", first.Errors));
        second.Duplicates.ShouldBe(4);
        Sums(ledger).Billed.ShouldBe(102.424567m);
    }

    [Fact]
    public void Should_WriteFocusRowsPerDayModelAndCustomer_When_Exporting()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        ImportFiles(ledger, "litellm", dir.Write("spend.jsonl", HandFixture.SpendLogs));

        FocusExport.Write(ledger, dir.File("focus.csv"));
        string[] lines = File.ReadAllLines(dir.File("focus.csv"));

        lines[0].ShouldStartWith("BilledCost,BillingAccountId,");
        lines[0].ShouldEndWith(",Tags,x_Requests,x_InputTokens,x_OutputTokens,x_CacheReadTokens,x_CacheWriteTokens,x_CostSource");
        lines.Length.ShouldBe(5);
        lines[1].ShouldBe("1.2345,burnrate-ledger,Burnrate ledger,USD,2026-02-01T00:00:00Z,2026-01-01T00:00:00Z,Usage,,gpt-4o tokens for acme (chat),Usage-Based,"
            + "2026-01-06T00:00:00Z,2026-01-05T00:00:00Z,1500,Tokens,1.2345,,1.2345,openai,1.2345,,Standard,1500,Tokens,openai,openai,gpt-4o,gpt-4o,Model,"
            + "AI and Machine Learning,openai,Generative AI,gpt-4o,Tokens,acme,\"{\"\"customer\"\":\"\"acme\"\",\"\"feature\"\":\"\"chat\"\"}\",1,1000,500,0,0,litellm spend");
    }
}
