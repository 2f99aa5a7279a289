using System.Globalization;
using Burnrate.Core.Validation;
using Burnrate.Reports.Charts;

namespace Burnrate.Reports.Validation;

/// <summary>The predicted-vs-measured scatter of a validation run: one series per group, each case's value as a ratio of
/// its measurement on log axes (the diagonal is a perfect prediction, the dashed lines ±20%).</summary>
public static class ValidationCharts
{
    /// <summary>Saves the scatter as <c>validation.png</c> and <c>validation.svg</c> in <paramref name="directory"/>.</summary>
    /// <param name="directory">The output folder (created if missing).</param>
    /// <param name="report">The validation report.</param>
    /// <returns>The two paths written.</returns>
    public static IReadOnlyList<string> Save(string directory, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        ScottPlot.Plot plot = Scatter(report);
        string png = Path.Combine(directory, "validation.png");
        string svg = Path.Combine(directory, "validation.svg");
        ChartFile.SavePng(plot, png, 900, 900);
        ChartFile.SaveSvg(plot, svg, 900, 900);
        return [png, svg];
    }

    private static ScottPlot.Plot Scatter(ValidationReport report)
    {
        var plot = new ScottPlot.Plot();
        // Metrics differ by orders of magnitude (tok/s, ms, GPU-hours), so both axes are log10: every case sits on one diagonal.
        double lo = double.MaxValue;
        double hi = double.MinValue;
        foreach (ValidationGroup group in report.Groups)
        {
            var outcomes = report.Outcomes.Where(o => o.Case.Group == group.Name).ToList();
            double[] xs = outcomes.Select(o => Math.Log10(o.Case.Measured)).ToArray();
            double[] ys = outcomes.Select(o => Math.Log10(o.Predicted)).ToArray();
            ScottPlot.Plottables.Scatter points = plot.Add.ScatterPoints(xs, ys);
            points.MarkerSize = 7;
            points.LegendText = string.Create(CultureInfo.InvariantCulture, $"{group.Name} (n={group.Count}, median |err| {group.MedianAbsErrorPercent:0.#}%)");
            lo = Math.Min(lo, Math.Min(xs.Min(), ys.Min()));
            hi = Math.Max(hi, Math.Max(xs.Max(), ys.Max()));
        }

        if (report.Groups.Count > 0)
        {
            Diagonal(plot, lo, hi, 1, ScottPlot.LinePattern.Solid);
            Diagonal(plot, lo, hi, 1.2, ScottPlot.LinePattern.Dashed);
            Diagonal(plot, lo, hi, 1 / 1.2, ScottPlot.LinePattern.Dashed);
        }

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Title("Burnrate cost model vs published measurements");
        plot.XLabel("Measured (each case in its own unit: tok/s, ms, GPU-hours, TFLOP/s; log)");
        plot.YLabel("Predicted (same unit, log)");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
    }

    private static void Diagonal(ScottPlot.Plot plot, double lo, double hi, double ratio, ScottPlot.LinePattern pattern)
    {
        double shift = Math.Log10(ratio);
        ScottPlot.Plottables.LinePlot line = plot.Add.Line(lo, lo + shift, hi, hi + shift);
        line.LinePattern = pattern;
        line.LineColor = ScottPlot.Colors.Gray;
    }
}
