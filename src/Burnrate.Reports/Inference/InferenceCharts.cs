using Burnrate.Reports.Charts;

namespace Burnrate.Reports.Inference;

/// <summary>PNG charts for infer and optimize: the throughput–latency curve of a concurrency sweep, and the cost–latency Pareto frontier.</summary>
public static class InferenceCharts
{
    /// <summary>Saves the concurrency sweep: output tokens/s (x) against TPOT in ms (y), each point labelled with its concurrency.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="points">X = output tokens/s, Y = TPOT ms.</param>
    /// <returns>The paths written: the PNG, then the SVG beside it.</returns>
    public static IReadOnlyList<string> SaveSweep(string path, string title, IReadOnlyList<CurvePoint> points) =>
        ChartFile.SavePngAndSvg(BuildSweep(title, points), path);

    /// <summary>Saves the Pareto frontier: TPOT in ms (x) against cost per 1M output tokens (y), each point labelled with its configuration.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="points">X = TPOT ms, Y = USD per 1M output tokens.</param>
    /// <returns>The paths written: the PNG, then the SVG beside it.</returns>
    public static IReadOnlyList<string> SavePareto(string path, string title, IReadOnlyList<CurvePoint> points) =>
        ChartFile.SavePngAndSvg(BuildPareto(title, points), path);

    /// <summary>Builds the sweep chart.</summary>
    internal static ScottPlot.Plot BuildSweep(string title, IReadOnlyList<CurvePoint> points)
    {
        ScottPlot.Plot plot = Curve(title, points, "Output tokens/s (deployment)", "TPOT (ms)", logY: false);
        ChartStyle.NumberAxis(plot.Axes.Bottom);
        return plot;
    }

    /// <summary>Builds the Pareto chart (cost on a log-10 axis labelled in dollars).</summary>
    internal static ScottPlot.Plot BuildPareto(string title, IReadOnlyList<CurvePoint> points) =>
        Curve(title, points, "TPOT (ms)", "USD per 1M output tokens (all-in, log scale)", logY: true);

    private static void LogTicks(ScottPlot.IAxis axis, double min, double max)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        for (int decade = (int)Math.Floor(Math.Log10(min)); decade <= (int)Math.Ceiling(Math.Log10(max)); decade++)
        {
            foreach (double mantissa in new[] { 1.0, 2.0, 5.0 })
            {
                double v = mantissa * Math.Pow(10, decade);
                if (v >= min / 2 && v <= max * 2)
                {
                    positions.Add(Math.Log10(v));
                    labels.Add(ChartText.Money(v));
                }
            }
        }

        axis.SetTicks([.. positions], [.. labels]);
    }

    private static ScottPlot.Plot Curve(string title, IReadOnlyList<CurvePoint> points, string xLabel, string yLabel, bool logY)
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
            // A log-10 axis: the data are log10(USD); ticks at 1, 2 and 5 of each decade the points span, read as dollars.
            LogTicks(plot.Axes.Left, points.Min(p => p.Y), points.Max(p => p.Y));
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
        return plot;
    }
}
