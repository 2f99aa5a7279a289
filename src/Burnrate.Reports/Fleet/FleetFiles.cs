using System.Globalization;
using Burnrate.Planning.Fleet;
using Burnrate.Reports.Inference;

namespace Burnrate.Reports.Fleet;

/// <summary>Writes a fleet's files: capacity-week and capacity-horizon charts (PNG + SVG), options.csv, months.csv and fleet.xlsx.</summary>
public static class FleetFiles
{
    /// <summary>Writes the files (each via a temp file and a move).</summary>
    /// <param name="outcome">The fleet.</param>
    /// <param name="directory">The directory (created if missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(FleetOutcome outcome, string directory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        if (outcome.Chart.Rows.Count > 0)
        {
            written.AddRange(FleetCharts.Save(outcome.Chart, directory));
        }

        foreach ((string name, FleetTable table) in new[] { ("options.csv", FleetTables.Options(outcome.Report)), ("months.csv", FleetTables.Months(outcome.Report)) })
        {
            string path = Path.Combine(directory, name);
            CsvTable.Write(path, table.Header, table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Cell)]));
            written.Add(path);
        }

        string book = Path.Combine(directory, "fleet.xlsx");
        FleetWorkbook.Save(outcome.Report, book);
        written.Add(book);
        return written;
    }

    private static string Cell(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
