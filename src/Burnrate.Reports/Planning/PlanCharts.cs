using Burnrate.Planning;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Simulation;
using ScottPlot;

namespace Burnrate.Reports.Planning;

/// <summary>The plan's charts: a fan chart (cash, revenue, net burn: P5–P95 and P10–P90 bands, median, the presets) and a tornado on cash at the horizon.</summary>
public static class PlanCharts
{
    private static readonly (string Name, Color Color)[] PresetColors = [("best", Colors.ForestGreen), ("base", Colors.Black), ("worst", Colors.Crimson)];

    /// <summary>Saves the fan chart as a PNG (three stacked panels), writing a temp file then moving it.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="path">The target file.</param>
    public static void SaveFanChart(PlanOutcome outcome, string path)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(path);
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        MonteCarloResult mc = outcome.MonteCarlo;
        Panel(multiplot.GetPlot(0), outcome, mc.Cash, s => s.ClosingCash, $"{outcome.Scenario.Name}: closing cash (USD, {mc.Paths:N0} paths)");
        Panel(multiplot.GetPlot(1), outcome, mc.Revenue, s => s.Revenue, "Revenue per month (USD)");
        Panel(multiplot.GetPlot(2), outcome, mc.NetBurn, s => s.NetBurn, "Net burn per month (USD)");
        string temp = path + ".tmp" + Environment.ProcessId;
        multiplot.SavePng(temp, 1100, 1200);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Saves the tornado as a PNG: each uncertain driver's P10 and P90 effect on closing cash at the horizon.</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="path">The target file.</param>
    public static void SaveTornado(PlanOutcome outcome, string path)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(path);
        var plot = new Plot();
        double baseline = outcome.Presets.First(p => p.Name == "base").Statement.ClosingCash[^1];
        IReadOnlyList<TornadoBar> bars = outcome.Tornado;
        var low = new List<Bar>();
        var high = new List<Bar>();
        for (int i = 0; i < bars.Count; i++)
        {
            double position = bars.Count - 1 - i;
            low.Add(new Bar { Position = position, ValueBase = baseline, Value = bars[i].LowCashUsd, FillColor = Colors.SteelBlue });
            high.Add(new Bar { Position = position, ValueBase = baseline, Value = bars[i].HighCashUsd, FillColor = Colors.Orange });
        }

        var lowPlot = plot.Add.Bars(low);
        lowPlot.Horizontal = true;
        lowPlot.LegendText = "driver at P10";
        var highPlot = plot.Add.Bars(high);
        highPlot.Horizontal = true;
        highPlot.LegendText = "driver at P90";
        plot.Add.VerticalLine(baseline, 1, Colors.Black);
        plot.Axes.Left.SetTicks(bars.Select((_, i) => (double)(bars.Count - 1 - i)).ToArray(), bars.Select(b => b.Driver).ToArray());
        plot.Title($"Tornado: closing cash at {outcome.Scenario.MonthLabel(outcome.Scenario.Months - 1)} (USD), base {baseline:E3}");
        plot.XLabel("closing cash at the horizon (USD)");
        plot.ShowLegend(Alignment.LowerRight);
        Charts.ChartFile.SavePng(plot, path, 1100, Math.Max(300, 120 + (60 * bars.Count)));
    }

    private static void Panel(Plot plot, PlanOutcome outcome, PercentileBands bands, Func<MonthlyStatement, double[]> series, string title)
    {
        double[] xs = Enumerable.Range(0, outcome.Scenario.Months).Select(m => (double)m).ToArray();
        var outer = plot.Add.FillY(xs, bands.P5, bands.P95);
        outer.FillColor = Colors.SteelBlue.WithAlpha(0.2);
        outer.LegendText = "P5–P95";
        var inner = plot.Add.FillY(xs, bands.P10, bands.P90);
        inner.FillColor = Colors.SteelBlue.WithAlpha(0.35);
        inner.LegendText = "P10–P90";
        var median = plot.Add.ScatterLine(xs, bands.P50);
        median.Color = Colors.SteelBlue;
        median.LineWidth = 2;
        median.LegendText = "P50";
        foreach (PresetProjection preset in outcome.Presets)
        {
            var line = plot.Add.ScatterLine(xs, series(preset.Statement));
            line.Color = PresetColors.FirstOrDefault(c => c.Name == preset.Name).Color is { } color && preset.Name is "best" or "base" or "worst" ? color : Colors.Gray;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = preset.Name;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        int step = Math.Max(1, outcome.Scenario.Months / 10);
        double[] ticks = xs.Where(x => (int)x % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => outcome.Scenario.MonthLabel((int)t)).ToArray());
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
    }
}
