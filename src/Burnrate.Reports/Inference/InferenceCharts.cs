using Burnrate.Reports.Charts;

namespace Burnrate.Reports.Inference;

/// <summary>PNG charts for infer and optimize: the throughput–latency curve of a concurrency sweep, and the cost–latency Pareto frontier.</summary>
public static class InferenceCharts
{
    /// <summary>Saves the concurrency sweep: output tokens/s (x) against TPOT in ms (y), each point labelled with its concurrency.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="points">X = output tokens/s, Y = TPOT ms.</param>
    public static void SaveSweep(string path, string title, IReadOnlyList<CurvePoint> points) =>
        SaveCurve(path, title, points, "Output tokens/s (deployment)", "TPOT (ms)");

    /// <summary>Saves the Pareto frontier: TPOT in ms (x) against cost per 1M output tokens (y), each point labelled with its configuration.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="points">X = TPOT ms, Y = USD per 1M output tokens.</param>
    public static void SavePareto(string path, string title, IReadOnlyList<CurvePoint> points) =>
        SaveCurve(path, title, points, "TPOT (ms)", "USD per 1M output tokens (all-in, log scale)", logY: true);

    private static void SaveCurve(string path, string title, IReadOnlyList<CurvePoint> points, string xLabel, string yLabel, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new ScottPlot.Plot();
        double[] xs = points.Select(p => p.X).ToArray();
        double[] ys = points.Select(p => logY ? Math.Log10(p.Y) : p.Y).ToArray();
        ScottPlot.Plottables.Scatter line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 8;
        line.LineWidth = 2;
        if (logY)
        {
            // ScottPlot's log-scale recipe: plot log10(y), label ticks 10^tick, minor ticks spaced logarithmically.
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
            };
        }

        // At most about ten labels, evenly spread, so a long frontier stays readable.
        int every = Math.Max(1, (int)Math.Ceiling(points.Count / 10.0));
        for (int i = 0; i < points.Count; i++)
        {
            if (i % every != 0 && i != points.Count - 1)
            {
                continue;
            }

            CurvePoint p = points[i];
            ScottPlot.Plottables.Text label = plot.Add.Text(p.Label, xs[i], ys[i]);
            label.LabelFontSize = 11;
            label.OffsetX = 6;
            label.OffsetY = -6;
        }

        plot.Axes.Margins(left: 0.05, right: 0.3, bottom: 0.08, top: 0.08); // room for the labels of the last points
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        ChartFile.SavePng(plot, path);
    }
}
