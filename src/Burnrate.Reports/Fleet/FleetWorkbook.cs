using Burnrate.Planning.Fleet;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Burnrate.Reports.Fleet;

/// <summary>Writes the fleet as an Excel workbook: an "options" sheet and a "months" sheet (numbers as numbers).</summary>
public static class FleetWorkbook
{
    /// <summary>Saves the workbook at <paramref name="path"/> (temp file, then move).</summary>
    /// <param name="report">The fleet.</param>
    /// <param name="path">The target .xlsx file.</param>
    public static void Save(FleetReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        Burnrate.Catalog.Files.AtomicFile.Write(path, (string temp) =>
        {
            using SpreadsheetDocument document = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook);
            WorkbookPart workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            Sheets sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, "options", FleetTables.Options(report));
            AddSheet(workbook, sheets, 2, "months", FleetTables.Months(report));
            workbook.Workbook.Save();
        });
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, FleetTable table)
    {
        WorksheetPart part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(new Row(table.Header.Select(h => Text(h))));
        foreach (object[] row in table.Rows)
        {
            data.Append(new Row(row.Select(cell => cell is double d
                ? (double.IsFinite(d) ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) } : new Cell())
                : Text(cell.ToString() ?? ""))));
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
