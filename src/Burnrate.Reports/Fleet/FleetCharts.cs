using Burnrate.Planning.Fleet;
using Burnrate.Reports.Charts;
using ScottPlot;

namespace Burnrate.Reports.Fleet;

/// <summary>Stacked-area charts of capacity by option (tokens per second) with demand on top: over the last month's week and over the horizon.</summary>
public static class FleetCharts
{
    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.Orange, Colors.ForestGreen, Colors.Crimson, Colors.MediumPurple, Colors.SaddleBrown, Colors.HotPink, Colors.Gray, Colors.Olive, Colors.Teal];

    /// <summary>Builds the week chart: capacity of each option in every hour of the last month's week.</summary>
    /// <param name="chart">The series.</param>
    /// <returns>The plot.</returns>
    public static Plot Week(FleetChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        double[] xs = [.. Enumerable.Range(0, chart.WeekDemand.Count).Select(h => (double)h)];
        Plot plot = Stacked(xs, chart.Rows, chart.WeekCapacity, chart.WeekDemand, "demand");
        string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, 7).Select(d => d * 24.0)], days);
        plot.Title($"Capacity by option, a week of {chart.WeekMonth} (tokens/s)");
        plot.XLabel("hour of the week");
        return plot;
    }

    /// <summary>Builds the horizon chart: each option's average capacity per month, with the month's peak demand.</summary>
    /// <param name="chart">The series.</param>
    /// <returns>The plot.</returns>
    public static Plot Horizon(FleetChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        double[] xs = [.. Enumerable.Range(0, chart.MonthLabels.Count).Select(m => (double)m)];
        Plot plot = Stacked(xs, chart.Rows, chart.MonthCapacity, chart.MonthPeakDemand, "peak demand");
        int step = Math.Max(1, xs.Length / 10);
        double[] ticks = [.. xs.Where(x => (int)x % step == 0)];
        plot.Axes.Bottom.SetTicks(ticks, [.. ticks.Select(t => chart.MonthLabels[(int)t])]);
        plot.Title("Average capacity by option per month (tokens/s)");
        plot.XLabel("month");
        return plot;
    }

    /// <summary>Saves both charts as PNG and SVG into <paramref name="directory"/>.</summary>
    /// <param name="chart">The series.</param>
    /// <param name="directory">The target directory.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Save(FleetChartData chart, string directory)
    {
        var written = new List<string>();
        foreach ((string name, Plot plot) in new[] { ("capacity-week", Week(chart)), ("capacity-horizon", Horizon(chart)) })
        {
            string png = Path.Combine(directory, name + ".png"), svg = Path.Combine(directory, name + ".svg");
            ChartFile.SavePng(plot, png, 1100, 600);
            ChartFile.SaveSvg(plot, svg, 1100, 600);
            written.Add(png);
            written.Add(svg);
        }

        return written;
    }

    private static Plot Stacked(double[] xs, IReadOnlyList<string> rows, IReadOnlyList<IReadOnlyList<double>> capacity, IReadOnlyList<double> demand, string demandLabel)
    {
        var plot = new Plot();
        double[] lower = new double[xs.Length];
        for (int r = 0; r < rows.Count; r++)
        {
            double[] upper = [.. lower.Select((v, i) => v + capacity[r][i])];
            if (upper.Zip(lower).Any(p => p.First > p.Second))
            {
                var fill = plot.Add.FillY(xs, upper, lower);
                fill.FillColor = Palette[r % Palette.Length].WithAlpha(0.75);
                fill.LineColor = Palette[r % Palette.Length];
                fill.LegendText = rows[r];
            }

            lower = upper;
        }

        if (demand.Count == xs.Length)
        {
            var line = plot.Add.ScatterLine(xs, [.. demand]);
            line.Color = Colors.Black;
            line.LineWidth = 2;
            line.LegendText = demandLabel;
        }

        plot.Axes.Left.Label.Text = "tokens per second";
        double top = Math.Max(lower.DefaultIfEmpty(0).Max(), demand.DefaultIfEmpty(0).Max());
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.05 : 1);
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
