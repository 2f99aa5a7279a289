using System.Globalization;
using Burnrate.Bench.Metrics;
using Burnrate.Reports.Charts;
using ScottPlot;

namespace Burnrate.Reports.Bench;

/// <summary>
/// ScottPlot charts of a bench run, returned as &lt;img&gt; tags with the PNG embedded in base64. Concurrency is drawn on a
/// log-2 axis, the SLOs as horizontal lines, each series with its own marker and pattern so coinciding series stay visible.
/// </summary>
internal static class BenchCharts
{
    private const int Width = 1000;
    private const int Height = 440;

    public static string LatencyVsLoad(IReadOnlyList<LevelResult> levels, SloSettings? slo = null) => Img(BuildLatency(levels, slo), "latency vs load");

    public static string ThroughputVsLoad(IReadOnlyList<LevelResult> levels) => Img(BuildThroughput(levels), "throughput vs load");

    public static string CostVsLoad(IReadOnlyList<LevelResult> levels) => Img(BuildCost(levels), "cost vs load");

    /// <summary>Empirical CDF of TTFT per level, from the request log.</summary>
    public static string TtftDistribution(IReadOnlyList<KeyValuePair<string, double>> requests) => Img(BuildTtftDistribution(requests), "TTFT CDF");

    internal static Plot BuildLatency(IReadOnlyList<LevelResult> levels, SloSettings? slo)
    {
        var plot = Chart(levels, "Latency vs load", "milliseconds", out double[] xs);
        var series = new Series(plot, xs);
        series.Add(levels.Select(l => l.TtftSeconds.P50 * 1000).ToArray(), "TTFT p50");
        series.Add(levels.Select(l => l.TtftSeconds.P99 * 1000).ToArray(), "TTFT p99");
        series.Add(levels.Select(l => l.TpotSeconds.P50 * 1000).ToArray(), "TPOT p50");
        series.Add(levels.Select(l => l.TpotSeconds.P99 * 1000).ToArray(), "TPOT p99");
        series.Add(levels.Select(l => l.ItlSeconds.P50 * 1000).ToArray(), "ITL p50");
        series.Add(levels.Select(l => l.Prediction?.TtftSeconds * 1000).ToArray(), "TTFT predicted (infer)");
        series.Add(levels.Select(l => l.Prediction?.TpotSeconds * 1000).ToArray(), "TPOT predicted (infer)");
        SloLine(plot, slo?.TtftSeconds, "TTFT SLO", Colors.Red);
        SloLine(plot, slo?.TpotSeconds, "TPOT SLO", Colors.DarkMagenta);
        SloLine(plot, slo?.E2eSeconds, "E2E SLO", Colors.DarkRed);
        return plot;
    }

    internal static Plot BuildThroughput(IReadOnlyList<LevelResult> levels)
    {
        var plot = Chart(levels, "Throughput vs load", "tokens per second", out double[] xs);
        ChartStyle.NumberAxis(plot.Axes.Left);
        var series = new Series(plot, xs);
        series.Add(levels.Select(l => (double?)l.OutputTokensPerSecond).ToArray(), "output tokens/s");
        series.Add(levels.Select(l => (double?)l.GoodputOutputTokensPerSecond).ToArray(), "goodput output tokens/s (met every SLO)");
        series.Add(levels.Select(l => l.Prediction?.OutputTokensPerSecond).ToArray(), "output tokens/s predicted (infer)");
        return plot;
    }

    internal static Plot BuildCost(IReadOnlyList<LevelResult> levels)
    {
        var plot = Chart(levels, "Cost per 1M output tokens vs load", "USD per 1M output tokens", out double[] xs);
        ChartStyle.MoneyAxis(plot.Axes.Left);
        var series = new Series(plot, xs);
        series.Add(levels.Select(l => l.CostPerMillionOutputTokensUsd).ToArray(), "$ per 1M output tokens");
        series.Add(levels.Select(l => l.CostPerMillionOutputTokensAtGoodputUsd).ToArray(), "$ per 1M output tokens at goodput");
        series.Add(levels.Select(l => l.Prediction?.CostPerMillionOutputTokensUsd).ToArray(), "$ per 1M output tokens predicted (infer)");
        return plot;
    }

    internal static Plot BuildTtftDistribution(IReadOnlyList<KeyValuePair<string, double>> requests)
    {
        var plot = new Plot();
        int index = 0;
        foreach (var group in requests.GroupBy(r => r.Key))
        {
            double[] ms = group.Select(r => r.Value * 1000).Order().ToArray();
            double[] share = Enumerable.Range(1, ms.Length).Select(i => (double)i / ms.Length).ToArray();
            var line = plot.Add.ScatterLine(ms, share);
            ChartStyle.Series(line, index++);
            line.MarkerSize = 0;
            line.LegendText = group.Key;
        }

        plot.Title("TTFT distribution by level");
        plot.XLabel("TTFT (ms)");
        plot.YLabel("share of requests");
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static Plot Chart(IReadOnlyList<LevelResult> levels, string title, string yLabel, out double[] xs)
    {
        var plot = new Plot();
        bool concurrency = levels.All(l => l.Concurrency is not null);
        bool rate = levels.All(l => l.Rate is not null);
        if (concurrency)
        {
            // Concurrency levels double (1, 2, 4 … 256): a log-2 axis spaces them evenly; the data are log2(concurrency).
            xs = levels.Select(l => Math.Log2(l.Concurrency!.Value)).ToArray();
            ChartStyle.Log2Axis(plot.Axes.Bottom);
            plot.XLabel("concurrency (requests in flight, log 2 scale)");
        }
        else
        {
            xs = rate ? levels.Select(l => l.Rate!.Value).ToArray() : levels.Select((_, i) => (double)i).ToArray();
            plot.XLabel(rate ? "offered rate (requests/s)" : "level (in order)");
        }

        plot.Title(title);
        plot.YLabel(yLabel);
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static void SloLine(Plot plot, double? seconds, string label, Color color)
    {
        if (seconds is not { } s)
        {
            return;
        }

        var line = plot.Add.HorizontalLine(s * 1000, 1.5f, color, LinePattern.Dashed);
        line.LegendText = $"{label} {(s * 1000).ToString("0.##", CultureInfo.InvariantCulture)} ms";
    }

    private static string Img(Plot plot, string alt) =>
        plot.GetPngHtml(Width, Height, "chart", "").Replace("<img ", "<img alt=\"" + alt.ToString(CultureInfo.InvariantCulture) + "\" ", StringComparison.Ordinal);

    /// <summary>Adds series one by one, each with the next style; a series with no values is left out.</summary>
    private sealed class Series(Plot plot, double[] xs)
    {
        private int _index;

        public void Add(double?[] ys, string label)
        {
            double[] x = xs.Where((_, i) => ys[i] is not null).ToArray();
            double[] y = ys.Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (x.Length == 0)
            {
                return;
            }

            var scatter = plot.Add.Scatter(x, y);
            ChartStyle.Series(scatter, _index++);
            scatter.LegendText = label;
        }
    }
}
