using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Burnrate.Testing;

/// <summary>Reads a workbook back and writes what a reader of it sees: sheets, frozen panes, widths, and every cell's value, type, format and formula.</summary>
public static class WorkbookDump
{
    /// <summary>Gets the dump of a workbook.</summary>
    public static string Of(XLWorkbook workbook)
    {
        var text = new StringBuilder();
        foreach (IXLWorksheet sheet in workbook.Worksheets)
        {
            text.Append(CultureInfo.InvariantCulture, $"== sheet {sheet.Name}: frozen {sheet.SheetView.SplitRow} rows, {sheet.SheetView.SplitColumn} columns; widths");
            int lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            foreach (int c in new[] { 1, 2, lastColumn }.Distinct())
            {
                text.Append(CultureInfo.InvariantCulture, $" {XLHelper.GetColumnLetterFromNumber(c)}={sheet.Column(c).Width:0.#}");
            }

            text.Append('\n');
            var formats = new List<string>();
            var rows = new StringBuilder();
            foreach (IXLRow row in sheet.RowsUsed())
            {
                IEnumerable<string> cells = row.CellsUsed().Select(c => Cell(c, formats));
                rows.Append(CultureInfo.InvariantCulture, $"{row.RowNumber()}: ").AppendJoin(" | ", cells).Append('\n');
            }

            for (int i = 0; i < formats.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"format f{i + 1}: {formats[i]}\n");
            }

            text.Append(rows);
        }

        return text.ToString();
    }

    private static string Cell(IXLCell cell, List<string> formats)
    {
        string Format(string code)
        {
            int index = formats.IndexOf(code);
            if (index < 0)
            {
                formats.Add(code);
                index = formats.Count - 1;
            }

            return "f" + (index + 1).ToString(CultureInfo.InvariantCulture);
        }

        string address = cell.Address.ToString()!;
        string fill = cell.Style.Fill.BackgroundColor == XLColor.NoColor || cell.Style.Fill.BackgroundColor.ColorType != XLColorType.Color
            ? "" : " fill=" + cell.Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8", CultureInfo.InvariantCulture);
        string bold = cell.Style.Font.Bold ? " bold" : "";
        if (cell.HasFormula)
        {
            return $"{address} ={cell.FormulaA1} [{Format(cell.Style.NumberFormat.Format)}]{bold}{fill}";
        }

        return cell.DataType switch
        {
            XLDataType.DateTime => $"{address} date {cell.GetDateTime():yyyy-MM-dd} [{Format(cell.Style.DateFormat.Format)}]{bold}{fill}",
            XLDataType.Number => $"{address} {cell.GetDouble().ToString("G10", CultureInfo.InvariantCulture)} [{Format(cell.Style.NumberFormat.Format)}]{bold}{fill}",
            _ => $"{address} \"{cell.GetString()}\"{bold}{fill}",
        };
    }
}
