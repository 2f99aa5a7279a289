using System.Globalization;
using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;
using Burnrate.Reports.Charts;
using ScottPlot;

namespace Burnrate.Reports.Planning;

/// <summary>The plan's charts: a fan chart (cash, revenue, net burn: P5–P95 and P10–P90 bands, median, the presets, and on cash the
/// funding, trigger and cash-out events) and a tornado on cash at the horizon. Each is saved as a PNG with an SVG beside it.</summary>
public static class PlanCharts
{
    /// <summary>The fan chart's width in pixels.</summary>
    internal const int Width = 1200;

    /// <summary>The height of each of the fan chart's three panels in pixels.</summary>
    internal const int PanelHeight = 420;

    private static readonly Dictionary<string, (Color Color, LinePattern Pattern)> PresetStyles = new(StringComparer.Ordinal)
    {
        ["best"] = (Colors.ForestGreen, LinePattern.Dashed),
        ["base"] = (Colors.Black, LinePattern.DenselyDashed),
        ["worst"] = (Colors.Crimson, LinePattern.Dotted),
    };

    /// <summary>Saves the fan chart (three stacked panels) as a PNG and an SVG beside it.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="path">The PNG file.</param>
    /// <returns>The paths written, PNG first.</returns>
    public static IReadOnlyList<string> SaveFanChart(PlanOutcome outcome, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return StackedCharts.SavePngAndSvg(BuildFanChart(outcome), path, Width, PanelHeight);
    }

    /// <summary>Saves the tornado (each uncertain driver's P10 and P90 effect on cash at the horizon) as a PNG and an SVG beside it.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="path">The PNG file.</param>
    /// <returns>The paths written, PNG first.</returns>
    public static IReadOnlyList<string> SaveTornado(PlanOutcome outcome, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Plot plot = BuildTornado(outcome);
        return ChartFile.SavePngAndSvg(plot, path, Width, TornadoHeight(outcome));
    }

    /// <summary>Gets the tornado's height in pixels for its number of bars.</summary>
    internal static int TornadoHeight(PlanOutcome outcome) => Math.Max(320, 140 + (60 * outcome.Tornado.Count));

    /// <summary>Builds the fan chart's three panels: cash (with events), revenue, net burn.</summary>
    internal static IReadOnlyList<Plot> BuildFanChart(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        MonteCarloResult mc = outcome.MonteCarlo;
        string paths = mc.Paths.ToString("N0", CultureInfo.InvariantCulture);
        Plot cash = Panel(outcome, mc.Cash, s => s.ClosingCash, $"{outcome.Scenario.Name}: closing cash ({paths} paths)");
        PlanChartEvents.Add(cash, outcome);
        return
        [
            cash,
            Panel(outcome, mc.Revenue, s => s.Revenue, "Revenue per month"),
            Panel(outcome, mc.NetBurn, s => s.NetBurn, "Net burn per month"),
        ];
    }

    /// <summary>Builds the tornado: bars from the base preset's cash at the horizon to the cash with one driver at P10 or P90.</summary>
    internal static Plot BuildTornado(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var plot = new Plot();
        double baseline = outcome.Presets.First(p => p.Name == "base").Statement.ClosingCash[^1];
        IReadOnlyList<TornadoBar> bars = outcome.Tornado;
        var low = new List<Bar>();
        var high = new List<Bar>();
        for (int i = 0; i < bars.Count; i++)
        {
            double position = bars.Count - 1 - i;
            low.Add(new Bar { Position = position, ValueBase = baseline, Value = bars[i].LowCashUsd, FillColor = Colors.SteelBlue });
            high.Add(new Bar { Position = position, ValueBase = baseline, Value = bars[i].HighCashUsd, FillColor = Colors.Orange, FillHatch = new ScottPlot.Hatches.Striped() });
        }

        var lowPlot = plot.Add.Bars(low);
        lowPlot.Horizontal = true;
        lowPlot.LegendText = "driver at P10";
        var highPlot = plot.Add.Bars(high);
        highPlot.Horizontal = true;
        highPlot.LegendText = "driver at P90";
        var line = plot.Add.VerticalLine(baseline, 1.5f, Colors.Black, LinePattern.Dashed);
        line.LegendText = "base preset";
        plot.Axes.Left.SetTicks(bars.Select((_, i) => (double)(bars.Count - 1 - i)).ToArray(), bars.Select(b => b.Driver).ToArray());
        ChartStyle.MoneyAxis(plot.Axes.Bottom);
        plot.Title($"Tornado: cash at {outcome.Scenario.MonthLabel(outcome.Scenario.Months - 1)}, base {ChartText.Money(baseline)}");
        plot.XLabel("cash at the horizon with one driver at P10 or P90, the others at base");
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static Plot Panel(PlanOutcome outcome, PercentileBands bands, Func<MonthlyStatement, double[]> series, string title)
    {
        var plot = new Plot();
        double[] xs = Enumerable.Range(0, outcome.Scenario.Months).Select(m => (double)m).ToArray();
        var outer = plot.Add.FillY(xs, bands.P5, bands.P95);
        outer.FillColor = Colors.SteelBlue.WithAlpha(0.15);
        outer.LegendText = "P5–P95";
        var inner = plot.Add.FillY(xs, bands.P10, bands.P90);
        inner.FillColor = Colors.SteelBlue.WithAlpha(0.3);
        inner.LegendText = "P10–P90";
        Edge(plot, xs, bands.P5, LinePattern.Dotted, 1, "P5 and P95");
        Edge(plot, xs, bands.P95, LinePattern.Dotted, 1, null);
        Edge(plot, xs, bands.P10, LinePattern.Dashed, 1, "P10 and P90");
        Edge(plot, xs, bands.P90, LinePattern.Dashed, 1, null);
        var median = plot.Add.ScatterLine(xs, bands.P50);
        median.Color = Colors.SteelBlue;
        median.LineWidth = 2.5f;
        median.LegendText = "P50 (Monte Carlo)";
        foreach (PresetProjection preset in outcome.Presets)
        {
            var line = plot.Add.ScatterLine(xs, series(preset.Statement));
            (Color color, LinePattern pattern) = PresetStyles.TryGetValue(preset.Name, out var style) ? style : (Colors.Gray, LinePattern.DenselyDashed);
            line.Color = color;
            line.LinePattern = pattern;
            line.LineWidth = 2;
            line.LegendText = preset.Name + " preset";
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        int step = Math.Max(1, (int)Math.Ceiling(outcome.Scenario.Months / 12.0));
        double[] ticks = xs.Where(x => (int)x % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => outcome.Scenario.MonthLabel((int)t)).ToArray());
        ChartStyle.MoneyAxis(plot.Axes.Left);
        plot.XLabel("month");
        plot.YLabel("USD");
        plot.Title(title);
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static void Edge(Plot plot, double[] xs, double[] ys, LinePattern pattern, float width, string? legend)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.Color = Colors.SteelBlue.WithAlpha(0.8);
        line.LinePattern = pattern;
        line.LineWidth = width;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }
}
