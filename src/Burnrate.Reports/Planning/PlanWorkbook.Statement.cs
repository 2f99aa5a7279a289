using Burnrate.Planning;
using Burnrate.Planning.Projection;
using ClosedXML.Excel;

namespace Burnrate.Reports.Planning;

/// <summary>A preset's monthly statement: line items down, months (real dates) across, a Total column of formulas.</summary>
public static partial class PlanWorkbook
{
    private const int FirstLineRow = 4;

    private static void AddStatement(IXLWorksheet sheet, PlanOutcome outcome, PresetProjection preset, WorkbookFormats formats)
    {
        MonthlyStatement s = preset.Statement;
        int months = outcome.Scenario.Months;
        int totalColumn = months + 2;
        sheet.Cell(1, 1).Value = $"{outcome.Scenario.Name}: {preset.Name} preset";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).Value = CashOutNote(outcome, s.CashOutMonth) + " Money in " + formats.MoneyUnit + ".";
        if (s.CashOutMonth >= 0)
        {
            sheet.Cell(2, 1).Style.Font.FontColor = XLColor.DarkRed;
            sheet.Cell(2, 1).Style.Font.Bold = true;
        }

        WorkbookFormats.Header(sheet.Cell(3, 1), "line item");
        for (int m = 0; m < months; m++)
        {
            IXLCell header = WorkbookFormats.Date(WorkbookFormats.Header(sheet.Cell(3, m + 2), ""), outcome.Scenario.Start.AddMonths(m));
            header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }

        WorkbookFormats.Header(sheet.Cell(3, totalColumn), "Total").Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;

        var lines = new StatementLines(sheet, months, formats);
        lines.Section("Revenue");
        int firstStream = lines.Row;
        foreach ((string stream, double[] values) in s.RevenueByStream)
        {
            lines.Flow("  " + stream, values, formats.Money);
        }

        int revenue = lines.SumOf("Total revenue", firstStream, lines.Row - 1);
        lines.Flow("Tokens served", s.TokensServed, WorkbookFormats.Count);
        int serving = lines.Flow("Cost of serving", s.CostOfServing, formats.Money);
        lines.Formula("Gross profit", c => $"{c}{revenue}-{c}{serving}", bold: false);
        lines.Stock("Gross margin", s.GrossMargin, WorkbookFormats.Percent);
        lines.Section("Operating expenses");
        int firstOpex = lines.Row;
        lines.Flow("  Training", s.Training, formats.Money);
        lines.Flow("  Staff", s.Staff, formats.Money);
        lines.Flow("  Other opex", s.OtherOpex, formats.Money);
        lines.Flow("  Depreciation", s.Depreciation, formats.Money);
        lines.SumOf("Total operating expenses", firstOpex, lines.Row - 1);
        lines.Flow("Operating income", s.OperatingIncome, formats.Money, bold: true);
        lines.Section("Cash");
        lines.Flow("Capex", s.Capex, formats.Money);
        lines.Flow("Net burn", s.NetBurn, formats.Money, bold: true);
        lines.Flow("Financing", s.Financing, formats.Money);
        lines.Stock("Opening cash", s.OpeningCash, formats.Money);
        lines.Stock("Closing cash", s.ClosingCash, formats.Money, bold: true);
        lines.Stock("Runway (months)", s.RunwayMonths, WorkbookFormats.Months);
        lines.Stock("Burn multiple", s.BurnMultiple, WorkbookFormats.Ratio);

        if (s.CashOutMonth >= 0)
        {
            // The cash-out month's header in red, every month after it shaded: the numbers there assume spending goes on.
            sheet.Cell(3, s.CashOutMonth + 2).Style.Font.FontColor = XLColor.DarkRed;
            if (s.CashOutMonth + 1 < months)
            {
                sheet.Range(FirstLineRow, s.CashOutMonth + 3, lines.Row - 1, months + 1).Style.Fill.BackgroundColor = WorkbookFormats.CashOutFill;
            }
        }

        sheet.Column(1).Width = 26;
        sheet.Columns(2, totalColumn).Width = 12;
        sheet.Column(totalColumn).Width = 14;
        sheet.SheetView.Freeze(3, 1);
    }

    private static string CashOutNote(PlanOutcome outcome, int cashOutMonth) => cashOutMonth >= 0
        ? $"Cash runs out in {MonthName(outcome, cashOutMonth)} (month {cashOutMonth + 1} of {outcome.Scenario.Months}); the shaded months after it show what the model computes if the company kept going."
        : $"Cash lasts through {MonthName(outcome, outcome.Scenario.Months - 1)}.";

    private static string MonthName(PlanOutcome outcome, int month) =>
        outcome.Scenario.Start.AddMonths(month).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Appends statement rows: flows get a Total formula, stocks do not, sums are formulas over the rows above.</summary>
    private sealed class StatementLines(IXLWorksheet sheet, int months, WorkbookFormats formats)
    {
        public int Row { get; private set; } = FirstLineRow;

        private int TotalColumn => months + 2;

        public void Section(string title)
        {
            sheet.Cell(Row, 1).Value = title;
            sheet.Cell(Row, 1).Style.Font.Bold = true;
            sheet.Cell(Row, 1).Style.Font.Italic = true;
            Row++;
        }

        public int Flow(string label, double[] values, string format, bool bold = false)
        {
            int row = Values(label, values, format, bold);
            Total(row, format, bold);
            return row;
        }

        public int Stock(string label, double[] values, string format, bool bold = false) => Values(label, values, format, bold);

        public int SumOf(string label, int first, int last) =>
            Formula(label, c => first == last ? $"{c}{first}" : $"SUM({c}{first}:{c}{last})", bold: true);

        public int Formula(string label, Func<string, string> formulaForColumn, bool bold)
        {
            int row = Row++;
            Label(row, label, bold);
            for (int m = 0; m < months; m++)
            {
                IXLCell cell = sheet.Cell(row, m + 2);
                cell.FormulaA1 = formulaForColumn(XLHelper.GetColumnLetterFromNumber(m + 2));
                cell.Style.NumberFormat.Format = formats.Money;
            }

            Total(row, formats.Money, bold);
            return row;
        }

        private int Values(string label, double[] values, string format, bool bold)
        {
            int row = Row++;
            Label(row, label, bold);
            for (int m = 0; m < months; m++)
            {
                IXLCell cell = sheet.Cell(row, m + 2);
                if (double.IsPositiveInfinity(values[m]))
                {
                    cell.Value = "unbounded";
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                }
                else
                {
                    WorkbookFormats.Number(cell, values[m], format);
                }

                cell.Style.Font.Bold = bold;
            }

            return row;
        }

        private void Total(int row, string format, bool bold)
        {
            IXLCell total = sheet.Cell(row, TotalColumn);
            total.FormulaA1 = $"SUM(B{row}:{XLHelper.GetColumnLetterFromNumber(months + 1)}{row})";
            total.Style.NumberFormat.Format = format;
            total.Style.Font.Bold = true;
        }

        private void Label(int row, string label, bool bold)
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 1).Style.Font.Bold = bold;
        }
    }
}
