using System.Globalization;
using Burnrate.Planning.Fleet;
using ClosedXML.Excel;

namespace Burnrate.Reports.Fleet;

/// <summary>
/// Writes the fleet as an Excel workbook (ClosedXML) finance can use as it opens: an "options" sheet and a "months" sheet
/// (numbers as numbers with dollar, token and percent formats, months as real dates, totals as formulas, a frozen bold
/// header) and the assumptions behind them.
/// </summary>
public static class FleetWorkbook
{
    private const string UsdFormat = "$#,##0.00;[Red]-$#,##0.00";
    private const string CountFormat = "#,##0";
    private const string RateFormat = "#,##0.0";
    private const string ShareFormat = "0.0%";

    /// <summary>Saves the workbook at <paramref name="path"/> (temp file, then move).</summary>
    /// <param name="report">The fleet.</param>
    /// <param name="path">The target .xlsx file.</param>
    public static void Save(FleetReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        using var book = new XLWorkbook();
        Sheet(book, "options", FleetTables.Options(report), ["costUsd", "servedTokens"]);
        Sheet(book, "months", FleetTables.Months(report), ["costUsd", "servedTokens"]);
        Workbooks.AssumptionsSheet.Add(book, "value", report.Assumptions.Select(a => (a.Name, a.Value, a.Source)), (28, 40, 80));
        Burnrate.Catalog.Files.AtomicFile.Write(path, (Stream stream) => book.SaveAs(stream));
    }

    private static void Sheet(XLWorkbook book, string name, FleetTable table, string[] summed)
    {
        IXLWorksheet sheet = book.AddWorksheet(name);
        for (int c = 0; c < table.Header.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = table.Header[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        int r = 2;
        foreach (object[] row in table.Rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                IXLCell cell = sheet.Cell(r, c + 1);
                string column = table.Header[c];
                switch (row[c])
                {
                    case double d when double.IsFinite(d):
                        // Shares computed as 1 − x leave 2e-16 where the answer is 0.
                        cell.Value = Math.Abs(d) < 1e-9 ? 0 : d;
                        cell.Style.NumberFormat.Format = Format(column);
                        break;
                    case double:
                        break;
                    case string month when column == "month" && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime first):
                        cell.Value = first;
                        cell.Style.DateFormat.Format = "mmm yyyy";
                        break;
                    case var other:
                        cell.Value = other?.ToString() ?? "";
                        break;
                }
            }

            r++;
        }

        if (table.Rows.Count > 0)
        {
            sheet.Cell(r, 1).Value = "total";
            sheet.Row(r).Style.Font.Bold = true;
            foreach (string column in summed)
            {
                int c = IndexOf(table.Header, column) + 1;
                if (c > 0)
                {
                    string letter = XLHelper.GetColumnLetterFromNumber(c);
                    sheet.Cell(r, c).FormulaA1 = $"SUM({letter}2:{letter}{r - 1})";
                    sheet.Cell(r, c).Style.NumberFormat.Format = Format(column);
                }
            }
        }

        // Widths set by hand: ClosedXML's AdjustToContents measures text with System.Drawing (GDI+), absent on Linux servers.
        for (int c = 1; c <= table.Header.Count; c++)
        {
            sheet.Column(c).Width = Math.Clamp(table.Header[c - 1].Length + 2, 12, 30);
        }
    }

    // The format follows the unit the header names (FleetTables).
    private static string Format(string column) =>
        column.EndsWith("Usd", StringComparison.Ordinal) ? UsdFormat
        : column is "utilization" or "idleShare" ? ShareFormat
        : column.EndsWith("tokensPerSecond", StringComparison.OrdinalIgnoreCase) && column.Contains(' ', StringComparison.Ordinal) ? RateFormat
        : CountFormat;

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}
