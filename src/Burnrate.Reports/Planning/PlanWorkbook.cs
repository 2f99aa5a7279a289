using Burnrate.Planning;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Burnrate.Reports.Planning;

/// <summary>Writes the plan as an Excel workbook: a sheet per preset with the monthly statement, and a "bands" sheet with the percentile bands.</summary>
public static class PlanWorkbook
{
    /// <summary>Saves the workbook at <paramref name="path"/> (temp file, then move).</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="path">The target .xlsx file.</param>
    public static void Save(PlanOutcome outcome, string path)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(path);
        string temp = path + ".tmp" + Environment.ProcessId;
        using (SpreadsheetDocument document = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            Sheets sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var preset in outcome.Presets)
            {
                AddSheet(workbook, sheets, id++, preset.Name, PlanTables.Statement(outcome, preset));
            }

            AddSheet(workbook, sheets, id, "bands", PlanTables.Bands(outcome));
            workbook.Workbook.Save();
        }

        File.Move(temp, path, overwrite: true);
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IReadOnlyList<object[]> rows)
    {
        WorksheetPart part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (object[] row in rows)
        {
            var r = new Row();
            foreach (object cell in row)
            {
                r.Append(cell is double d
                    ? (double.IsFinite(d) ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) } : new Cell())
                    : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell.ToString() ?? "")) });
            }

            data.Append(r);
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name.Length > 31 ? name[..31] : name });
    }
}
