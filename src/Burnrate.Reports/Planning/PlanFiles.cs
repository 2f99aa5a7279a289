using System.Text;
using Burnrate.Catalog.Files;
using Burnrate.Core.Economics;
using Burnrate.Planning;

namespace Burnrate.Reports.Planning;

/// <summary>Writes every plan file into a directory: fan-chart.png/.svg, tornado.png/.svg, bands.csv, one statement CSV per preset, and plan.xlsx.</summary>
public static class PlanFiles
{
    /// <summary>Writes the files (into a temporary folder beside it, then swapped in).</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="directory">The directory (created if missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(PlanOutcome outcome, string directory) => Write(outcome, directory, []);

    /// <summary>Writes the files (into a temporary folder beside it, then swapped in), with the run's assumptions in the workbook.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="directory">The directory (created if missing).</param>
    /// <param name="assumptions">The run's assumptions (paths, seed, derivations) for the workbook's Assumptions sheet.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(PlanOutcome outcome, string directory, IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        // The set is written into a temporary folder beside the target and swapped in, so an interrupted or failed write
        // never leaves old and new files mixed or temporary files behind (AtomicFolder).
        return AtomicFolder.Write(directory, folder => WriteInto(outcome, folder, assumptions), IsPlanFile);
    }

    /// <summary>Gets whether a file name is one <see cref="Write(PlanOutcome, string)"/> writes (replaced or removed on the next write).</summary>
    /// <param name="name">A file name.</param>
    /// <returns>True for fan-chart, tornado, bands, statement and workbook files.</returns>
    public static bool IsPlanFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name is "fan-chart.png" or "fan-chart.svg" or "tornado.png" or "tornado.svg" or "bands.csv" or "plan.xlsx"
            || (name.StartsWith("statement-", StringComparison.Ordinal) && name.EndsWith(".csv", StringComparison.Ordinal));
    }

    private static List<string> WriteInto(PlanOutcome outcome, string directory, IReadOnlyList<Assumption> assumptions)
    {
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

        File.WriteAllText(path, text.ToString());
    }
}
