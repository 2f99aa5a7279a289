using Burnrate.Catalog;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.SelfHosted;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Reporting;

/// <summary><c>ledger report --deployments</c>: self-hosted usage at its share of the capacity that served it, idle capacity as rows of its own.</summary>
public sealed class SelfHostedMarginTests
{
    private const string Deployments = DeploymentFixture.Yaml;

    private const string Idle = "(idle: " + DeploymentFixture.Name + ")";

    // acme: two self-hosted requests (one logged with a spend of 0.25, which the capacity share replaces) and one on OpenAI;
    // bob: one self-hosted request and one after the deployment's last day (its logged spend stays); carol: OpenAI only.
    private const string Log =
        """
        {"request_id":"a1","startTime":"2026-01-02T12:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"hosted_vllm","prompt_tokens":1000,"completion_tokens":200,"spend":0.25,"end_user":"acme"}
        {"request_id":"a2","startTime":"2026-01-03T12:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"hosted_vllm","prompt_tokens":3000,"completion_tokens":600,"spend":0,"end_user":"acme"}
        {"request_id":"a3","startTime":"2026-01-03T13:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":500,"completion_tokens":50,"spend":1.50,"end_user":"acme"}
        {"request_id":"b1","startTime":"2026-01-05T12:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"hosted_vllm","prompt_tokens":2000,"completion_tokens":400,"spend":0,"end_user":"bob"}
        {"request_id":"b2","startTime":"2026-01-15T12:00:00Z","model":"llama-3.1-8b","custom_llm_provider":"hosted_vllm","prompt_tokens":9000,"completion_tokens":900,"spend":0.10,"end_user":"bob"}
        {"request_id":"c1","startTime":"2026-01-04T12:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":5000,"completion_tokens":500,"spend":2.00,"end_user":"carol"}
        """;

    private const string Revenue =
        """
        date,customer,amountUsd,kind
        2026-01-31,acme,100,subscription
        2026-01-31,bob,40,subscription
        """;

    private static LedgerDatabase Ledger(TempFolder dir)
    {
        LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        ImportFiles(ledger, "litellm", dir.Write("spend.jsonl", Log)).Files.Single().Rejected.ShouldBe(0);
        ImportFiles(ledger, "revenue", dir.Write("revenue.csv", Revenue)).Files.Single().Rejected.ShouldBe(0);
        return ledger;
    }

    private static MarginReport Report(LedgerDatabase ledger, params string[] by) =>
        MarginReportEngine.Run(ledger, new ReportRequest { By = by, Deployments = DeploymentsYaml.Read(Deployments, "deployments.yaml") }, BurnrateCatalog.Embedded);

    private static MarginRow Row(MarginReport report, string customer) => report.Rows.Single(r => r.Key["customer"] == customer);

    [Fact]
    public void Should_ChargeEachCustomerItsShareOfTheCapacityAndShowTheIdleRest_When_TheReportGetsDeployments()
    {
        // Given
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);
        SelfHostedReport selfHosted = SelfHostedEngine.Run(ledger, BurnrateCatalog.Embedded, DeploymentsYaml.Read(Deployments, "deployments.yaml"), new(2026, 1, 2), new(2026, 1, 15));

        // When
        MarginReport report = Report(ledger, "customer");

        // Then: the self-hosted rows cost what ledger selfhosted allocates them (acme's logged 0.25 replaced), API rows their spend
        decimal Line(string customer) => selfHosted.Lines.Single(l => l.Customer == customer).CostUsd.Usd;
        Row(report, "acme").CostUsd.Usd.ShouldBe(Line("acme") + 1.50m);
        Row(report, "bob").CostUsd.Usd.ShouldBe(Line("bob") + 0.10m);
        Row(report, "carol").CostUsd.Usd.ShouldBe(2.00m);
        Row(report, Idle).CostUsd.Usd.ShouldBe(Line("(idle)"));
        (Row(report, Idle).Requests, Row(report, Idle).RevenueUsd.Usd).ShouldBe((0L, 0m));

        // The report runs from the ledger's first day (Jan 2), so the deployment costs Jan 2–10: 216 h × $2.00, all of it in the report
        selfHosted.Months.Single().CostUsd.Usd.ShouldBe(432.00m);
        report.Totals.CostUsd.Usd.ShouldBe(432.00m + 1.50m + 0.10m + 2.00m);
        report.Totals.RevenueUsd.Usd.ShouldBe(140m);
        report.LossMakers[0].Key["customer"].ShouldBe(Idle);
        report.Assumptions.Select(a => a.Name).ShouldContain("self-hosted cost");
    }

    [Fact]
    public void Should_CostSelfHostedUsageAsItsLogSays_When_NoDeploymentsAreGiven()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        MarginReport report = MarginReportEngine.Run(ledger, new ReportRequest { By = ["customer"] });

        report.Rows.Select(r => r.Key["customer"]).ShouldBe(["acme", "bob", "carol"]);
        report.Totals.CostUsd.Usd.ShouldBe(0.25m + 1.50m + 0.10m + 2.00m);
        report.Assumptions.Select(a => a.Name).ShouldNotContain("self-hosted cost");
    }

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    [InlineData("model")]
    [InlineData("customer", "month")]
    [InlineData("feature", "day")]
    public void Should_AddUpToTheSameTotals_When_GroupedAnyWay(params string[] by)
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);
        MarginReport byCustomer = Report(ledger, "customer");

        MarginReport report = Report(ledger, by);

        report.Totals.ShouldBe(byCustomer.Totals);
        report.Rows.Sum(r => r.CostUsd.Usd).ShouldBe(byCustomer.Totals.CostUsd.Usd);
        report.Rows.Sum(r => r.RevenueUsd.Usd).ShouldBe(byCustomer.Totals.RevenueUsd.Usd);
    }

    [Fact]
    public void Should_SpreadTheIdleCapacityOverTheDaysUp_When_GroupedByDay()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);
        decimal idle = Row(Report(ledger, "customer"), Idle).CostUsd.Usd;

        MarginReport report = Report(ledger, "day");

        // Every day from Jan 2 to Jan 10 carries a ninth of the idle capacity (to 1e-9 USD: cells by day truncate their shares
        // apart, so the idle total differs from the by-customer one in the tenth decimal); Jan 15 only bob's logged 0.10
        var days = report.Rows.ToDictionary(r => r.Key["day"], r => r.CostUsd.Usd);
        days.Keys.ShouldBe(["2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-15"]);
        days["2026-01-06"].ShouldBe(idle / 9, 1e-9m);
        days["2026-01-15"].ShouldBe(0.10m);
        days.Values.Sum().ShouldBe(report.Totals.CostUsd.Usd);
    }

    [Fact]
    public void Should_NeedTheCatalog_When_DeploymentsAreGiven()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        Should.Throw<ArgumentNullException>(() => MarginReportEngine.Run(ledger, new ReportRequest { By = ["customer"], Deployments = DeploymentsYaml.Read(Deployments, "deployments.yaml") }));
    }

    [Fact]
    public void Should_NameTheDuplicate_When_TwoDeploymentsShareAName()
    {
        IReadOnlyList<SelfHostedDeployment> one = DeploymentsYaml.Read(Deployments, "deployments.yaml");

        var errors = new ReportRequest { By = ["customer"], Deployments = [one[0], one[0] with { From = new(2026, 2, 1) }] }.Validate();

        errors.Single().Field.ShouldBe("deployments");
        errors.Single().Value.ShouldBe(DeploymentFixture.Name);
    }
}
