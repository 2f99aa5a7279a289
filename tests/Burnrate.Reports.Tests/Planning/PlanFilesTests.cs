using Burnrate.Planning;
using Burnrate.Planning.Scenario;
using Burnrate.Reports.Planning;
using ClosedXML.Excel;

namespace Burnrate.Reports.Tests.Planning;

public sealed class PlanFilesTests
{
    private const string Scenario = """
        name: small
        start: 2026-01
        months: 12
        cash: 1000
        revenue: [{name: api, kind: usage, tokensPerMonth: 1e6, pricePerMillionTokens: 50, monthlyGrowth: {dist: normal, mean: 0.05, sd: 0.02}}]
        costs: {other: {monthlyUsd: 100}}
        presets:
          best: {revenue.api.monthlyGrowth: 0.1}
          worst: {revenue.api.monthlyGrowth: 0}
        """;

    [Fact]
    public void Should_WriteChartsCsvAndWorkbookWithoutTempFiles_When_PlanWritten()
    {
        // Given
        PlanOutcome outcome = PlanOutcome.Compute(ScenarioReader.Read(Scenario, "small.yaml"), 200, 1);
        using var temp = new TempFolder();
        string dir = temp.Path;

        // When
        IReadOnlyList<string> files = PlanFiles.Write(outcome, dir);

        // Then
        Directory.GetFiles(dir).Order().ShouldBe(files.Order());
        File.ReadAllBytes(Path.Combine(dir, "fan-chart.png")).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        File.ReadAllBytes(Path.Combine(dir, "tornado.png")).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        string[] statement = File.ReadAllLines(Path.Combine(dir, "statement-base.csv"));
        statement.Length.ShouldBe(13);
        statement[0].ShouldStartWith("month,revenue_api_usd,revenue_usd,");
        statement[1].ShouldStartWith("2026-01,50,50,");
        using var book = new XLWorkbook(Path.Combine(dir, "plan.xlsx"));
        book.Worksheets.Select(s => s.Name).ShouldBe(["Summary", "Best", "Base", "Worst", "Bands", "Assumptions"]);
    }

    [Fact]
    public void Should_MarkTheCashOutMonthAndEveryMonthAfterIt_When_StatementRunsOut()
    {
        // Given: $1,000 in the bank, $50 of revenue and $300 of opex a month: closing cash 750, 500, 250, 0, -250 (2026-05), ...
        const string runsOut = """
            name: runs out
            start: 2026-01
            months: 8
            cash: 1000
            revenue: [{name: api, kind: usage, tokensPerMonth: 1e6, pricePerMillionTokens: 50}]
            costs: {other: {monthlyUsd: 300}}
            """;
        PlanOutcome outcome = PlanOutcome.Compute(ScenarioReader.Read(runsOut, "runs-out.yaml"), 50, 1);
        using var temp = new TempFolder();
        string dir = temp.Path;

        // When
        PlanFiles.Write(outcome, dir);

        // Then
        string[] statement = File.ReadAllLines(Path.Combine(dir, "statement-base.csv"));
        statement[0].ShouldEndWith(",gross_margin,cash_out");
        statement.Skip(1).Select(line => line[..7] + " " + line.Split(',')[^1]).ShouldBe(
            ["2026-01 ", "2026-02 ", "2026-03 ", "2026-04 ", "2026-05 cash-out", "2026-06 after cash-out", "2026-07 after cash-out", "2026-08 after cash-out"]);
    }
}
