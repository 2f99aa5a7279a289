using Burnrate.Planning;
using Burnrate.Planning.Projection;
using ScottPlot;

namespace Burnrate.Reports.Planning;

/// <summary>Marks on the fan chart's cash panel: each preset's funding received, trigger firings and cash-out, and the Monte Carlo cash-out median.</summary>
internal static class PlanChartEvents
{
    public static void Add(Plot plot, PlanOutcome outcome)
    {
        var funding = new List<Coordinates>();
        var triggers = new List<Coordinates>();
        var cashOut = new List<Coordinates>();
        foreach (PresetProjection preset in outcome.Presets)
        {
            MonthlyStatement s = preset.Statement;
            var firingMonths = s.Firings.Select(f => f.Month).ToHashSet();
            for (int m = 0; m < outcome.Scenario.Months; m++)
            {
                if (s.Financing[m] > 0)
                {
                    funding.Add(new Coordinates(m, s.ClosingCash[m]));
                }

                if (firingMonths.Contains(m))
                {
                    triggers.Add(new Coordinates(m, s.ClosingCash[m]));
                }
            }

            if (s.CashOutMonth >= 0)
            {
                cashOut.Add(new Coordinates(s.CashOutMonth, s.ClosingCash[s.CashOutMonth]));
            }
        }

        Markers(plot, funding, MarkerShape.FilledTriangleUp, Colors.DarkGreen, "funding received");
        Markers(plot, triggers, MarkerShape.FilledDiamond, Colors.DarkOrange, "trigger fired");
        Markers(plot, cashOut, MarkerShape.Eks, Colors.Red, "cash out (preset)");
        if (outcome.MonteCarlo.CashOut.P50 is { } median)
        {
            var line = plot.Add.VerticalLine(median, 1.5f, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"cash-out P50 (Monte Carlo), {outcome.Scenario.MonthLabel(median)}";
        }
    }

    private static void Markers(Plot plot, List<Coordinates> points, MarkerShape shape, Color color, string legend)
    {
        if (points.Count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(points.ToArray(), shape, 11, color);
        markers.LegendText = legend;
    }
}
