using System.Text;
using Burnrate.Core.Economics;
using Burnrate.Planning;

namespace Burnrate.Reports.Planning;

/// <summary>Writes every plan file into a directory: fan-chart.png/.svg, tornado.png/.svg, bands.csv, one statement CSV per preset, and plan.xlsx.</summary>
public static class PlanFiles
{
    /// <summary>Writes the files (each to a temp file, then moved into place).</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="directory">The directory (created if missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(PlanOutcome outcome, string directory) => Write(outcome, directory, []);

    /// <summary>Writes the files (each to a temp file, then moved into place), with the run's assumptions in the workbook.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="directory">The directory (created if missing).</param>
    /// <param name="assumptions">The run's assumptions (paths, seed, derivations) for the workbook's Assumptions sheet.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(PlanOutcome outcome, string directory, IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        string Add(string name)
        {
            string path = Path.Combine(directory, name);
            written.Add(path);
            return path;
        }

        written.AddRange(PlanCharts.SaveFanChart(outcome, Path.Combine(directory, "fan-chart.png")));
        if (outcome.Tornado.Count > 0)
        {
            written.AddRange(PlanCharts.SaveTornado(outcome, Path.Combine(directory, "tornado.png")));
        }

        WriteCsv(Add("bands.csv"), PlanTables.Bands(outcome));
        foreach (var preset in outcome.Presets)
        {
            WriteCsv(Add($"statement-{preset.Name}.csv"), PlanTables.Statement(outcome, preset));
        }

        PlanWorkbook.Save(outcome, assumptions, Add("plan.xlsx"));
        return written;
    }

    private static void WriteCsv(string path, IReadOnlyList<object[]> rows)
    {
        var text = new StringBuilder();
        foreach (object[] row in rows)
        {
            text.AppendJoin(',', row.Select(PlanTables.Csv)).Append('\n');
        }

        string temp = path + ".tmp" + Environment.ProcessId;
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
    }
}
