using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Reporting;

public sealed class MarginReportTests
{
    private static LedgerDatabase Ledger(TempFolder dir)
    {
        LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        ImportFiles(ledger, "litellm", dir.Write("spend.jsonl", HandFixture.SpendLogs));
        ImportFiles(ledger, "revenue", dir.Write("revenue.csv", HandFixture.Revenue));
        return ledger;
    }

    [Fact]
    public void Should_MatchHandComputedMargins_When_GroupedByCustomer()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        MarginReport report = Report(ledger, "customer");

        // acme: revenue 20 − 5 = 15, cost 11.2395, margin 3.7605 (25.07 %)
        Row(report, "acme").RevenueUsd.Usd.ShouldBe(15m);
        Row(report, "acme").GrossMarginUsd.ToCents().Usd.ShouldBe(3.76m);
        Row(report, "acme").GrossMarginPercent.ShouldBe(25.07m);
        // bob: no revenue, cost 0.50: margin −0.50, no percent
        Row(report, "bob").GrossMarginUsd.Usd.ShouldBe(-0.5m);
        Row(report, "bob").GrossMarginPercent.ShouldBeNull();
        // team-x: 2 − 3.3333 = −1.3333 (−66.67 %); zeta: revenue 7 without usage
        Row(report, "team-x").GrossMarginPercent.ShouldBe(-66.67m);
        Row(report, "zeta").RevenueUsd.Usd.ShouldBe(7m);
        // totals: revenue 24, cost 15.0728, margin 8.9272 (37.20 %)
        report.Totals.RevenueUsd.Usd.ShouldBe(24m);
        report.Totals.GrossMarginUsd.ToCents().Usd.ShouldBe(8.93m);
        report.Totals.GrossMarginPercent.ShouldBe(37.2m);
        report.LossMakers.Select(r => r.Key["customer"]).ShouldBe(["team-x", "bob"]);
    }

    [Fact]
    public void Should_SpreadCustomerRevenueByTokens_When_GroupedByModel()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        MarginReport report = Report(ledger, "model");

        // acme's January 15 over gpt-4o (1,500 tokens) and claude (4,000): 4.0909… and 10.9090…; team-x's 2 all to gpt-4o
        Row(report, "gpt-4o").RevenueUsd.ToCents().Usd.ShouldBe(6.09m);
        Row(report, "gpt-4o").CostUsd.Usd.ShouldBe(4.5678m);
        Row(report, "claude-sonnet-4").RevenueUsd.ToCents().Usd.ShouldBe(10.91m);
        Row(report, "gpt-4o-mini").RevenueUsd.Usd.ShouldBe(0m);
        Row(report, "(no usage)").RevenueUsd.Usd.ShouldBe(7m);
        report.Rows.Sum(r => r.RevenueUsd.Usd).ShouldBe(24m, 1e-20m);
    }

    [Fact]
    public void Should_RestrictToTheRange_When_FromAndToAreGiven()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        MarginReport report = MarginReportEngine.Run(ledger, new ReportRequest { By = ["customer"], From = new(2026, 1, 6), To = new(2026, 1, 20) });

        // req-2 (Jan 6) and req-3 (Jan 20, 23:59:59.999) only; the acme refund of Jan 15 only
        report.Totals.CostUsd.Usd.ShouldBe(10.505m);
        report.Totals.RevenueUsd.Usd.ShouldBe(-5m);
    }

    [Fact]
    public void Should_NameEveryBadField_When_TheRequestIsInvalid()
    {
        var request = new ReportRequest { By = ["custmer", "month", "month"], From = new(2026, 2, 1), To = new(2026, 1, 1) };

        IReadOnlyList<Burnrate.Core.Validation.FieldError> errors = request.Validate();

        errors.Select(e => (e.Field, e.Value)).ShouldBe([("by", "custmer,month,month"), ("by", "custmer"), ("by", "custmer,month,month"), ("to", "2026-01-01")]);
        errors[1].Allowed.ShouldContain("nearest: customer");
        errors[3].Allowed.ShouldBe("a day on or after --from 2026-02-01");
    }

    [Fact]
    public void Should_ReturnAnEmptyReport_When_TheLedgerIsEmpty()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        MarginReport report = Report(ledger, "customer");

        report.Rows.ShouldBeEmpty();
        report.From.ShouldBeNull();
    }
}
