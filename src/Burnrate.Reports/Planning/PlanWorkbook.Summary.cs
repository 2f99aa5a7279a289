using System.Globalization;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;
using ClosedXML.Excel;

namespace Burnrate.Reports.Planning;

/// <summary>The Summary sheet: cash-out odds first, then the presets, the triggers and the tornado.</summary>
public static partial class PlanWorkbook
{
    private static void AddSummary(IXLWorksheet sheet, PlanOutcome outcome, WorkbookFormats formats)
    {
        var s = outcome.Scenario;
        MonteCarloResult mc = outcome.MonteCarlo;
        sheet.Cell(1, 1).Value = s.Name;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        int row = 3;
        KeyValue(sheet, row++, "Horizon", $"{s.MonthLabel(0)} to {s.MonthLabel(s.Months - 1)} ({s.Months} months)");
        KeyValue(sheet, row++, "Monte Carlo", string.Create(CultureInfo.InvariantCulture, $"{mc.Paths:N0} paths, seed {mc.Seed}"));
        KeyValue(sheet, row++, "Money", formats.MoneyUnit);

        row++;
        WorkbookFormats.Header(sheet.Cell(row++, 1), "Running out of cash (Monte Carlo)");
        KeyValue(sheet, row, "Probability within the horizon", null);
        WorkbookFormats.Number(sheet.Cell(row++, 2), mc.CashOut.Probability, WorkbookFormats.Percent);
        foreach ((string label, int? month) in new[] { ("Cash-out month, P10", mc.CashOut.P10), ("Cash-out month, P50", mc.CashOut.P50), ("Cash-out month, P90", mc.CashOut.P90) })
        {
            KeyValue(sheet, row, label, null);
            MonthOrNever(sheet.Cell(row++, 2), s.Start, month);
        }

        row++;
        row = Presets(sheet, row, outcome, formats) + 1;
        if (mc.Triggers.Count > 0)
        {
            row = Triggers(sheet, row, outcome) + 1;
        }

        if (outcome.Tornado.Count > 0)
        {
            Tornado(sheet, row, outcome, formats);
        }

        sheet.Column(1).Width = 32;
        sheet.Columns(2, 9).Width = 16;
        sheet.Column(9).Width = 40;
    }

    private static int Presets(IXLWorksheet sheet, int row, PlanOutcome outcome, WorkbookFormats formats)
    {
        var s = outcome.Scenario;
        HeaderRow(sheet, row++, "preset", "cash-out month", "cash at end", "lowest cash", "lowest cash month", "revenue, last month", "net burn, last month", "runway at end (months)", "triggers fired");
        foreach (PresetProjection p in outcome.Presets)
        {
            MonthlyStatement st = p.Statement;
            int low = Array.IndexOf(st.ClosingCash, st.ClosingCash.Min());
            sheet.Cell(row, 1).Value = p.Name;
            MonthOrNever(sheet.Cell(row, 2), s.Start, st.CashOutMonth >= 0 ? st.CashOutMonth : null);
            if (st.CashOutMonth >= 0)
            {
                sheet.Cell(row, 2).Style.Font.FontColor = XLColor.DarkRed;
                sheet.Cell(row, 2).Style.Font.Bold = true;
            }

            WorkbookFormats.Number(sheet.Cell(row, 3), st.ClosingCash[^1], formats.Money);
            WorkbookFormats.Number(sheet.Cell(row, 4), st.ClosingCash[low], formats.Money);
            WorkbookFormats.Date(sheet.Cell(row, 5), s.Start.AddMonths(low));
            WorkbookFormats.Number(sheet.Cell(row, 6), st.Revenue[^1], formats.Money);
            WorkbookFormats.Number(sheet.Cell(row, 7), st.NetBurn[^1], formats.Money);
            if (double.IsPositiveInfinity(st.RunwayMonths[^1]))
            {
                sheet.Cell(row, 8).Value = "unbounded";
            }
            else
            {
                WorkbookFormats.Number(sheet.Cell(row, 8), st.RunwayMonths[^1], WorkbookFormats.Months);
            }

            sheet.Cell(row, 9).Value = st.Firings.Count == 0 ? "none" : string.Join(", ", st.Firings.Select(f => $"{f.Trigger} {s.MonthLabel(f.Month)}"));
            row++;
        }

        return row;
    }

    private static int Triggers(IXLWorksheet sheet, int row, PlanOutcome outcome)
    {
        HeaderRow(sheet, row++, "trigger (first firing)", "probability", "month P10", "month P50", "month P90");
        foreach (TriggerOutcome t in outcome.MonteCarlo.Triggers)
        {
            sheet.Cell(row, 1).Value = t.Name;
            WorkbookFormats.Number(sheet.Cell(row, 2), t.Firing.Probability, WorkbookFormats.Percent);
            MonthOrNever(sheet.Cell(row, 3), outcome.Scenario.Start, t.Firing.P10);
            MonthOrNever(sheet.Cell(row, 4), outcome.Scenario.Start, t.Firing.P50);
            MonthOrNever(sheet.Cell(row, 5), outcome.Scenario.Start, t.Firing.P90);
            row++;
        }

        return row;
    }

    private static void Tornado(IXLWorksheet sheet, int row, PlanOutcome outcome, WorkbookFormats formats)
    {
        HeaderRow(sheet, row++, $"tornado: cash at {outcome.Scenario.MonthLabel(outcome.Scenario.Months - 1)}", "driver at P10", "driver at P90", "cash, driver at P10", "cash, driver at P90", "swing");
        foreach (TornadoBar b in outcome.Tornado)
        {
            sheet.Cell(row, 1).Value = b.Driver;
            WorkbookFormats.Number(sheet.Cell(row, 2), b.LowInput, "General");
            WorkbookFormats.Number(sheet.Cell(row, 3), b.HighInput, "General");
            WorkbookFormats.Number(sheet.Cell(row, 4), b.LowCashUsd, formats.Money);
            WorkbookFormats.Number(sheet.Cell(row, 5), b.HighCashUsd, formats.Money);
            sheet.Cell(row, 6).FormulaA1 = $"ABS(E{row}-D{row})";
            sheet.Cell(row, 6).Style.NumberFormat.Format = formats.Money;
            row++;
        }
    }

    private static void KeyValue(IXLWorksheet sheet, int row, string key, string? value)
    {
        sheet.Cell(row, 1).Value = key;
        if (value is not null)
        {
            sheet.Cell(row, 2).Value = value;
        }
    }

    private static void HeaderRow(IXLWorksheet sheet, int row, params string[] headers)
    {
        for (int i = 0; i < headers.Length; i++)
        {
            WorkbookFormats.Header(sheet.Cell(row, i + 1), headers[i]).Style.Alignment.WrapText = true;
        }
    }

    private static void MonthOrNever(IXLCell cell, DateOnly start, int? month)
    {
        if (month is { } m)
        {
            WorkbookFormats.Date(cell, start.AddMonths(m));
        }
        else
        {
            cell.Value = "never";
        }

        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
