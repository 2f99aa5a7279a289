using Burnrate.Catalog.Files;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using ClosedXML.Excel;

namespace Burnrate.Reports.Planning;

/// <summary>
/// Writes the plan as an Excel workbook laid out like a finance P&amp;L (ClosedXML): a Summary sheet (cash-out odds, presets,
/// triggers, tornado), one statement sheet per preset with the months as dates across the columns, a Bands sheet with the
/// Monte Carlo percentiles, and an Assumptions sheet with every driver and where it comes from.
/// </summary>
public static partial class PlanWorkbook
{
    /// <summary>Saves the workbook at <paramref name="path"/> (temp file, then move).</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="path">The target .xlsx file.</param>
    public static void Save(PlanOutcome outcome, string path) => Save(outcome, [], path);

    /// <summary>Saves the workbook at <paramref name="path"/> (temp file, then move).</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="assumptions">The run's assumptions (paths, seed, derivations) for the Assumptions sheet, beside the scenario's drivers.</param>
    /// <param name="path">The target .xlsx file.</param>
    public static void Save(PlanOutcome outcome, IReadOnlyList<Assumption> assumptions, string path)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(path);
        using XLWorkbook workbook = Build(outcome, assumptions);
        AtomicFile.Write(path, (Stream stream) => workbook.SaveAs(stream));
    }

    /// <summary>Builds the workbook in memory (tests read it back without a file).</summary>
    internal static XLWorkbook Build(PlanOutcome outcome, IReadOnlyList<Assumption> assumptions)
    {
        var formats = WorkbookFormats.For(LargestAmount(outcome));
        var workbook = new XLWorkbook();
        AddSummary(workbook.Worksheets.Add("Summary"), outcome, formats);
        foreach (var preset in outcome.Presets)
        {
            AddStatement(workbook.Worksheets.Add(SheetName(preset.Name)), outcome, preset, formats);
        }

        AddBands(workbook.Worksheets.Add("Bands"), outcome, formats);
        AddAssumptions(workbook.Worksheets.Add("Assumptions"), outcome, assumptions);
        return workbook;
    }

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ], and the preset names are lower-case ids.
    private static string SheetName(string preset)
    {
        string name = new([.. preset.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        name = name.Length == 0 ? "preset" : char.ToUpperInvariant(name[0]) + name[1..];
        return name.Length > 31 ? name[..31] : name;
    }

    private static double LargestAmount(PlanOutcome outcome)
    {
        double largest = outcome.Presets.SelectMany(p => p.Statement.ClosingCash.Concat(p.Statement.Revenue)).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return Math.Max(largest, outcome.MonteCarlo.Cash.P95.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max());
    }
}
