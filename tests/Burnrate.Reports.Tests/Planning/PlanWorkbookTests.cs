using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Scenario;
using Burnrate.Reports.Planning;
using ClosedXML.Excel;

namespace Burnrate.Reports.Tests.Planning;

public sealed class PlanWorkbookTests
{
    // Two revenue streams, a trigger and a preset that runs out of cash in month 5, over 8 months.
    private const string Scenario = """
        name: small
        start: 2026-01
        months: 8
        cash: 300
        revenue:
          - {name: api, kind: usage, tokensPerMonth: 1e6, pricePerMillionTokens: 50, monthlyGrowth: {dist: normal, mean: 0.05, sd: 0.02}}
          - {name: seats, kind: subscription, customers: 2, pricePerMonth: 10}
        costs: {other: {monthlyUsd: 150}}
        triggers:
          - {name: raise, when: {cashBelowUsd: 100}, action: {raiseUsd: 1000, closeMonths: 2}}
        presets:
          best: {revenue.api.monthlyGrowth: 0.3}
          worst: {revenue.api.monthlyGrowth: 0}
        """;

    private static readonly Assumption[] Assumptions = [new("paths", "200", "--paths (default 10,000)"), new("seed", "7", "--seed (default 42)")];

    private static XLWorkbook Reloaded()
    {
        PlanOutcome outcome = PlanOutcome.Compute(ScenarioReader.Read(Scenario, "small.yaml"), 200, 7);
        using XLWorkbook built = PlanWorkbook.Build(outcome, Assumptions);
        var stream = new MemoryStream();
        built.SaveAs(stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    [Fact]
    public void Should_MatchTheGoldenWorkbook_When_PlanSaved()
    {
        // Given / When: the workbook as saved and read back
        using XLWorkbook book = Reloaded();

        // Then: sheet names, frozen panes, widths, every cell's value, date, number format and formula
        Golden.Verify(WorkbookDump.Of(book), "Workbook");
    }

    [Fact]
    public void Should_PutMonthsAsRealDatesAcrossTheColumns_When_StatementWritten()
    {
        using XLWorkbook book = Reloaded();
        IXLWorksheet basePreset = book.Worksheet("Base");

        basePreset.Cell(3, 2).DataType.ShouldBe(XLDataType.DateTime);
        basePreset.Cell(3, 2).GetDateTime().ShouldBe(new DateTime(2026, 1, 1));
        basePreset.Cell(3, 9).GetDateTime().ShouldBe(new DateTime(2026, 8, 1));
        basePreset.Cell(3, 2).Style.DateFormat.Format.ShouldBe("mmm yyyy");
        basePreset.SheetView.SplitRow.ShouldBe(3);
        basePreset.SheetView.SplitColumn.ShouldBe(1);
    }

    [Fact]
    public void Should_TotalWithFormulasThatEvaluateToTheEngineFigures_When_StatementWritten()
    {
        using XLWorkbook book = Reloaded();
        IXLWorksheet sheet = book.Worksheet("Base");
        IXLRow totalRevenue = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Total revenue");

        totalRevenue.Cell(2).FormulaA1.ShouldBe("SUM(B5:B6)");
        totalRevenue.Cell(2).GetDouble().ShouldBe(50 + 20, 1e-9);
        totalRevenue.Cell(10).FormulaA1.ShouldBe($"SUM(B{totalRevenue.RowNumber()}:I{totalRevenue.RowNumber()})");
        totalRevenue.Cell(2).Style.NumberFormat.Format.ShouldContain("\"$\"#,##0");
    }

    [Fact]
    public void Should_LeadWithTheCashOutMonthAndShadeTheMonthsAfterIt_When_PresetRunsOut()
    {
        using XLWorkbook book = Reloaded();
        IXLWorksheet worst = book.Worksheet("Worst");

        worst.Cell(2, 1).GetString().ShouldStartWith("Cash runs out in Apr 2026 (month 4 of 8)");
        int cashOutColumn = Enumerable.Range(2, 8).First(c => worst.Cell(3, c).Style.Font.FontColor == XLColor.DarkRed);
        worst.Cell(5, cashOutColumn).Style.Fill.BackgroundColor.ShouldNotBe(XLColor.FromArgb(0xF8, 0xD7, 0xDA));
        if (cashOutColumn < 9)
        {
            worst.Cell(5, cashOutColumn + 1).Style.Fill.BackgroundColor.ShouldBe(XLColor.FromArgb(0xF8, 0xD7, 0xDA));
        }

        IXLRow summaryWorst = book.Worksheet("Summary").RowsUsed().Single(r => r.Cell(1).GetString() == "worst");
        summaryWorst.Cell(2).DataType.ShouldBe(XLDataType.DateTime);
    }

    [Fact]
    public void Should_ListTheRunsAssumptionsAndEveryDriverWithItsLocation_When_AssumptionsSheetWritten()
    {
        using XLWorkbook book = Reloaded();
        IXLWorksheet sheet = book.Worksheet("Assumptions");
        string[] names = [.. sheet.Column(1).CellsUsed().Select(c => c.GetString())];

        names.ShouldContain("paths");
        names.ShouldContain("revenue.api.monthlyGrowth");
        IXLRow growth = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "revenue.api.monthlyGrowth");
        growth.Cell(3).GetString().ShouldBe("normal(mean 0.05, sd 0.02)");
        growth.Cell(4).GetString().ShouldStartWith("small.yaml:");
    }

    [Fact]
    public void Should_ShowMoneyInMillions_When_AmountsReachTenMillion()
    {
        string big = Scenario.Replace("cash: 300", "cash: 3e9", StringComparison.Ordinal);
        PlanOutcome outcome = PlanOutcome.Compute(ScenarioReader.Read(big, "big.yaml"), 100, 1);
        using XLWorkbook book = PlanWorkbook.Build(outcome, []);

        book.Worksheet("Base").RowsUsed().Single(r => r.Cell(1).GetString() == "Closing cash").Cell(2).Style.NumberFormat.Format
            .ShouldBe("\"$\"#,##0.0,,\"M\";[Red]-\"$\"#,##0.0,,\"M\";\"$\"0.0\"M\"");
    }
}
