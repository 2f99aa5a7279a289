using Burnrate.Ledger.Reporting;
using ClosedXML.Excel;

namespace Burnrate.Reports.Ledger;

/// <summary>The ledger workbook (ClosedXML): the report asked for, loss-makers, margin by customer, cost by model and month (each
/// once: when the report asked for is one of these two it is not repeated), assumptions.</summary>
public static class LedgerWorkbook
{
    private const string UsdFormat = "$#,##0.00;[Red]-$#,##0.00";

    /// <summary>Saves the workbook at <paramref name="path"/>.</summary>
    /// <param name="report">The report asked for.</param>
    /// <param name="byCustomer">The same days by customer.</param>
    /// <param name="byModelMonth">The same days by model and month.</param>
    /// <param name="path">The .xlsx file.</param>
    public static void Save(MarginReport report, MarginReport byCustomer, MarginReport byModelMonth, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(byCustomer);
        ArgumentNullException.ThrowIfNull(byModelMonth);
        using var book = new XLWorkbook();
        Sheet(book, "by " + string.Join(" and ", report.By), report, report.Rows);
        Sheet(book, "loss-makers", report with { }, report.LossMakers, totals: false);
        // The fixed views, unless the report asked for is one of them (--by customer, --by model,month): it is already the first sheet.
        foreach ((string name, MarginReport view) in new[] { ("by customer", byCustomer), ("by model and month", byModelMonth) })
        {
            if (!book.TryGetWorksheet(name, out _))
            {
                Sheet(book, name, view, view.Rows);
            }
        }
        Workbooks.AssumptionsSheet.Add(book, "rule", report.Assumptions.Select(a => (a.Name, a.Value, a.Source)), (22, 110, 16));
        book.SaveAs(path);
    }

    private static void Sheet(XLWorkbook book, string name, MarginReport report, IReadOnlyList<MarginRow> rows, bool totals = true)
    {
        IXLWorksheet sheet = book.AddWorksheet(name.Length > 31 ? name[..31] : name);
        IReadOnlyList<string> header = LedgerFiles.Header(report.By);
        for (int c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        int k = report.By.Count, r = 2;
        foreach (MarginRow row in rows)
        {
            for (int c = 0; c < k; c++)
            {
                string key = report.By[c], text = row.Key[key];
                IXLCell cell = sheet.Cell(r, c + 1);
                // Time keys as real dates with a visible format (the text "2026-01" alone became a date shown as a serial).
                if (key is "month" && DateTime.TryParseExact(text, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime month))
                {
                    cell.Value = month;
                    cell.Style.DateFormat.Format = "mmm yyyy";
                }
                else if (key is "day" or "week" && DateTime.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime day))
                {
                    cell.Value = day;
                    cell.Style.DateFormat.Format = "yyyy-mm-dd";
                }
                else
                {
                    cell.Value = text;
                }
            }

            Figures(sheet, r++, k, row.Figures);
        }

        if (totals)
        {
            sheet.Cell(r, 1).Value = "total";
            sheet.Row(r).Style.Font.Bold = true;
            Figures(sheet, r, k, report.Totals);
        }

        for (int c = 1; c <= header.Count; c++)
        {
            sheet.Column(c).Width = c <= k ? 24 : 16;
        }
    }

    private static void Figures(IXLWorksheet sheet, int r, int k, MarginFigures f)
    {
        sheet.Cell(r, k + 1).Value = f.Requests;
        sheet.Cell(r, k + 2).Value = f.InputTokens;
        sheet.Cell(r, k + 3).Value = f.OutputTokens;
        foreach ((int c, decimal usd) in new[] { (k + 4, f.CostUsd.ToCents().Usd), (k + 5, f.RevenueUsd.ToCents().Usd), (k + 6, f.GrossMarginUsd.ToCents().Usd) })
        {
            sheet.Cell(r, c).Value = usd;
            sheet.Cell(r, c).Style.NumberFormat.Format = UsdFormat;
        }

        if (f.GrossMarginPercent is { } p)
        {
            sheet.Cell(r, k + 7).Value = p / 100m;
            sheet.Cell(r, k + 7).Style.NumberFormat.Format = "0.00%";
        }

        sheet.Cell(r, k + 8).Value = f.UnpricedRequests;
        foreach (int c in new[] { k + 1, k + 2, k + 3, k + 8 })
        {
            sheet.Cell(r, c).Style.NumberFormat.Format = "#,##0";
        }
    }
}
