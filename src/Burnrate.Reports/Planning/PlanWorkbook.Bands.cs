using System.Globalization;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;
using ClosedXML.Excel;

namespace Burnrate.Reports.Planning;

/// <summary>The Bands sheet (Monte Carlo percentiles, months across) and the Assumptions sheet.</summary>
public static partial class PlanWorkbook
{
    private static void AddBands(IXLWorksheet sheet, PlanOutcome outcome, WorkbookFormats formats)
    {
        var s = outcome.Scenario;
        MonteCarloResult mc = outcome.MonteCarlo;
        sheet.Cell(1, 1).Value = $"{s.Name}: Monte Carlo percentiles over {mc.Paths.ToString("N0", CultureInfo.InvariantCulture)} paths, month by month";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).Value = "Each percentile is taken over paths for that month alone (type 7); a row is not one path. Money in " + formats.MoneyUnit + ".";
        WorkbookFormats.Header(sheet.Cell(3, 1), "series");
        for (int m = 0; m < s.Months; m++)
        {
            WorkbookFormats.Date(WorkbookFormats.Header(sheet.Cell(3, m + 2), ""), s.Start.AddMonths(m)).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }

        int row = 4;
        foreach ((string name, PercentileBands bands) in new[] { ("Cash", mc.Cash), ("Revenue", mc.Revenue), ("Net burn", mc.NetBurn) })
        {
            foreach ((string level, double[] values) in new[] { ("P5", bands.P5), ("P10", bands.P10), ("P50", bands.P50), ("P90", bands.P90), ("P95", bands.P95) })
            {
                sheet.Cell(row, 1).Value = $"{name} {level}";
                sheet.Cell(row, 1).Style.Font.Bold = level == "P50";
                for (int m = 0; m < s.Months; m++)
                {
                    WorkbookFormats.Number(sheet.Cell(row, m + 2), values[m], formats.Money).Style.Font.Bold = level == "P50";
                }

                row++;
            }
        }

        sheet.Cell(row, 1).Value = "P(cash out by then)";
        for (int m = 0; m < s.Months; m++)
        {
            WorkbookFormats.Number(sheet.Cell(row, m + 2), mc.CashOut.CumulativeByMonth[m], WorkbookFormats.Percent);
        }

        sheet.Column(1).Width = 22;
        sheet.Columns(2, s.Months + 1).Width = 12;
        sheet.SheetView.Freeze(3, 1);
    }

    private static void AddAssumptions(IXLWorksheet sheet, PlanOutcome outcome, IReadOnlyList<Assumption> assumptions)
    {
        sheet.Cell(1, 1).Value = $"{outcome.Scenario.Name}: assumptions";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        HeaderRow(sheet, 3, "name", "value", "source");
        int row = 4;
        foreach (Assumption a in assumptions)
        {
            sheet.Cell(row, 1).Value = a.Name;
            sheet.Cell(row, 2).Value = a.Value;
            sheet.Cell(row, 3).Value = a.Source;
            row++;
        }

        row++;
        HeaderRow(sheet, row++, "scenario driver", "base value (median)", "distribution", "where (scenario file:line:column)");
        foreach (Driver d in outcome.Scenario.Drivers)
        {
            sheet.Cell(row, 1).Value = d.Path;
            WorkbookFormats.Number(sheet.Cell(row, 2), d.Central, "General");
            sheet.Cell(row, 3).Value = Describe(d);
            sheet.Cell(row, 4).Value = d.Location;
            row++;
        }

        sheet.Column(1).Width = 40;
        sheet.Column(2).Width = 24;
        sheet.Column(3).Width = 48;
        sheet.Column(4).Width = 40;
        sheet.Columns(2, 4).Style.Alignment.WrapText = true;
        sheet.SheetView.Freeze(3, 0);
    }

    private static string Describe(Driver d)
    {
        string per = d.PerMonth ? ", drawn every month" : "";
        static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        return d.Distribution switch
        {
            null => "fixed",
            { Kind: DistributionKind.Normal } x => $"normal(mean {G(x.A)}, sd {G(x.B)}){per}",
            { Kind: DistributionKind.LogNormal } x => $"lognormal(median {G(Math.Exp(x.A))}, sigma {G(x.B)}){per}",
            { Kind: DistributionKind.Triangular } x => $"triangular(min {G(x.A)}, mode {G(x.B)}, max {G(x.C)}){per}",
            { Kind: DistributionKind.Pert } x => $"PERT(min {G(x.A)}, mode {G(x.B)}, max {G(x.C)}){per}",
            { Kind: DistributionKind.Uniform } x => $"uniform(min {G(x.A)}, max {G(x.B)}){per}",
            { } x => $"discrete({string.Join(", ", x.Values.Select((v, i) => $"{G(v)}: {G(x.Cumulative[i] - (i > 0 ? x.Cumulative[i - 1] : 0))}"))}){per}",
        };
    }
}
