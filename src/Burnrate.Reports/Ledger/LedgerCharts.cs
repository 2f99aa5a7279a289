using Burnrate.Ledger.Reporting;
using Burnrate.Reports.Charts;
using ScottPlot;

namespace Burnrate.Reports.Ledger;

/// <summary>The ledger's charts: gross margin by customer (horizontal bars, worst first) and cost by model month by month.</summary>
public static class LedgerCharts
{
    private const int MostCustomers = 25;

    /// <summary>Draws gross margin by customer (the 25 worst margins when there are more) as PNG + SVG.</summary>
    /// <param name="byCustomer">A report by customer.</param>
    /// <param name="pngPath">The PNG; the SVG goes beside it.</param>
    /// <returns>The two paths.</returns>
    public static IReadOnlyList<string> MarginByCustomer(MarginReport byCustomer, string pngPath)
    {
        (Plot plot, int height) = BuildMarginByCustomer(byCustomer);
        return ChartFile.SavePngAndSvg(plot, pngPath, 1000, height);
    }

    /// <summary>Builds the margin chart and its height in pixels (one bar row each).</summary>
    internal static (Plot Plot, int Height) BuildMarginByCustomer(MarginReport byCustomer)
    {
        ArgumentNullException.ThrowIfNull(byCustomer);
        var rows = byCustomer.Rows.OrderBy(r => r.GrossMarginUsd.Usd).Take(MostCustomers).ToList();
        var plot = new Plot();
        double[] margins = [.. rows.Select(r => (double)r.GrossMarginUsd.ToCents().Usd)];
        var bars = plot.Add.Bars(margins);
        bars.Horizontal = true;
        for (int i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = margins[i] < 0 ? Colors.FireBrick : Colors.SeaGreen;
            bars.Bars[i].Position = rows.Count - 1 - i;
        }

        plot.Axes.Left.SetTicks([.. rows.Select((_, i) => (double)(rows.Count - 1 - i))], [.. rows.Select(r => r.Key["customer"])]);
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        ChartStyle.MoneyAxis(plot.Axes.Bottom);
        plot.XLabel("gross margin (revenue − cost of serving), USD");
        plot.Title($"Gross margin by customer, {Period(byCustomer)}{(byCustomer.Rows.Count > MostCustomers ? $" (the {MostCustomers} lowest of {byCustomer.Rows.Count})" : string.Empty)}");
        return (plot, Math.Max(400, 120 + (28 * rows.Count)));
    }

    /// <summary>Draws each model's cost month by month as PNG + SVG.</summary>
    /// <param name="byModelMonth">A report by model and month.</param>
    /// <param name="pngPath">The PNG; the SVG goes beside it.</param>
    /// <returns>The two paths.</returns>
    public static IReadOnlyList<string> CostByModel(MarginReport byModelMonth, string pngPath) =>
        ChartFile.SavePngAndSvg(BuildCostByModel(byModelMonth), pngPath);

    /// <summary>Builds the cost chart.</summary>
    internal static Plot BuildCostByModel(MarginReport byModelMonth)
    {
        ArgumentNullException.ThrowIfNull(byModelMonth);
        string[] months = [.. byModelMonth.Rows.Select(r => r.Key["month"]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var plot = new Plot();
        int index = 0;
        foreach (var model in byModelMonth.Rows.GroupBy(r => r.Key["model"], StringComparer.Ordinal).OrderByDescending(g => g.Sum(r => r.CostUsd.Usd)))
        {
            double[] ys = [.. months.Select(m => (double)(model.FirstOrDefault(r => r.Key["month"] == m)?.CostUsd.ToCents().Usd ?? 0m))];
            var line = plot.Add.Scatter(Enumerable.Range(0, months.Length).Select(i => (double)i).ToArray(), ys);
            line.LegendText = model.Key;
            ChartStyle.Series(line, index++);
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, months.Length).Select(i => (double)i)], months);
        ChartStyle.MoneyAxis(plot.Axes.Left);
        ChartStyle.LegendOutside(plot);
        plot.XLabel("month");
        plot.YLabel("cost of serving, USD");
        plot.Title($"Cost by model, {Period(byModelMonth)}");
        return plot;
    }

    private static string Period(MarginReport report) =>
        report.From is { } f && report.To is { } t ? $"{f:yyyy-MM-dd} to {t:yyyy-MM-dd}" : "no data";
}
