using ClosedXML.Excel;

namespace Burnrate.Reports.Workbooks;

/// <summary>The "assumptions" sheet every workbook ends with: name, value or rule, source; a frozen bold header.</summary>
internal static class AssumptionsSheet
{
    /// <summary>Adds the sheet.</summary>
    /// <param name="book">The workbook.</param>
    /// <param name="valueHeader">The second column's heading ("value", "rule").</param>
    /// <param name="rows">Name, value, source per assumption.</param>
    /// <param name="widths">The three columns' widths, set by hand: ClosedXML's AdjustToContents measures text with
    /// System.Drawing (GDI+), absent on Linux servers.</param>
    public static void Add(XLWorkbook book, string valueHeader, IEnumerable<(string Name, string Value, string Source)> rows, (double Name, double Value, double Source) widths)
    {
        IXLWorksheet sheet = book.AddWorksheet("assumptions");
        sheet.Cell(1, 1).Value = "assumption";
        sheet.Cell(1, 2).Value = valueHeader;
        sheet.Cell(1, 3).Value = "source";
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        int r = 2;
        foreach ((string name, string value, string source) in rows)
        {
            sheet.Cell(r, 1).Value = name;
            sheet.Cell(r, 2).Value = value;
            sheet.Cell(r++, 3).Value = source;
        }

        (sheet.Column(1).Width, sheet.Column(2).Width, sheet.Column(3).Width) = widths;
    }
}
