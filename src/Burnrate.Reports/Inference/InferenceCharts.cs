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
        SaveCurve(path, title, points, "TPOT (ms)", "USD per 1M output tokens (all-in)");

    private static void SaveCurve(string path, string title, IReadOnlyList<CurvePoint> points, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new ScottPlot.Plot();
        double[] xs = points.Select(p => p.X).ToArray();
        double[] ys = points.Select(p => p.Y).ToArray();
        ScottPlot.Plottables.Scatter line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 8;
        line.LineWidth = 2;
        foreach (CurvePoint p in points)
        {
            ScottPlot.Plottables.Text label = plot.Add.Text(p.Label, p.X, p.Y);
            label.LabelFontSize = 11;
            label.OffsetX = 6;
            label.OffsetY = -6;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        ChartFile.SavePng(plot, path);
    }
}
