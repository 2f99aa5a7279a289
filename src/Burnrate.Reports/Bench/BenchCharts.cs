using System.Globalization;
using Burnrate.Bench.Metrics;
using ScottPlot;

namespace Burnrate.Reports.Bench;

/// <summary>ScottPlot charts of a bench run, returned as &lt;img&gt; tags with the PNG embedded in base64.</summary>
internal static class BenchCharts
{
    private const int Width = 900;
    private const int Height = 420;

    public static string LatencyVsLoad(IReadOnlyList<LevelResult> levels)
    {
        (double[] xs, string axis) = X(levels);
        var plot = new Plot();
        Line(plot, xs, levels.Select(l => l.TtftSeconds.P50 * 1000).ToArray(), "TTFT p50");
        Line(plot, xs, levels.Select(l => l.TtftSeconds.P99 * 1000).ToArray(), "TTFT p99");
        Line(plot, xs, levels.Select(l => l.TpotSeconds.P50 * 1000).ToArray(), "TPOT p50");
        Line(plot, xs, levels.Select(l => l.TpotSeconds.P99 * 1000).ToArray(), "TPOT p99");
        Line(plot, xs, levels.Select(l => l.ItlSeconds.P50 * 1000).ToArray(), "ITL p50");
        Line(plot, xs, levels.Select(l => l.Prediction?.TtftSeconds * 1000).ToArray(), "TTFT predicted (infer)");
        Line(plot, xs, levels.Select(l => l.Prediction?.TpotSeconds * 1000).ToArray(), "TPOT predicted (infer)");
        plot.XLabel(axis);
        plot.YLabel("milliseconds");
        plot.ShowLegend();
        return Img(plot, "latency vs load");
    }

    public static string ThroughputVsLoad(IReadOnlyList<LevelResult> levels)
    {
        (double[] xs, string axis) = X(levels);
        var plot = new Plot();
        Line(plot, xs, levels.Select(l => (double?)l.OutputTokensPerSecond).ToArray(), "output tokens/s");
        Line(plot, xs, levels.Select(l => (double?)l.GoodputOutputTokensPerSecond).ToArray(), "goodput output tokens/s");
        Line(plot, xs, levels.Select(l => l.Prediction?.OutputTokensPerSecond).ToArray(), "output tokens/s predicted (infer)");
        plot.XLabel(axis);
        plot.YLabel("tokens per second");
        plot.ShowLegend();
        return Img(plot, "throughput vs load");
    }

    public static string CostVsLoad(IReadOnlyList<LevelResult> levels)
    {
        (double[] xs, string axis) = X(levels);
        var plot = new Plot();
        Line(plot, xs, levels.Select(l => l.CostPerMillionOutputTokensUsd).ToArray(), "$ per 1M output tokens");
        Line(plot, xs, levels.Select(l => l.CostPerMillionOutputTokensAtGoodputUsd).ToArray(), "$ per 1M output tokens at goodput");
        Line(plot, xs, levels.Select(l => l.Prediction?.CostPerMillionOutputTokensUsd).ToArray(), "$ per 1M output tokens predicted (infer)");
        plot.XLabel(axis);
        plot.YLabel("USD");
        plot.ShowLegend();
        return Img(plot, "cost vs load");
    }

    /// <summary>Empirical CDF of TTFT per level, from the request log.</summary>
    public static string TtftDistribution(IReadOnlyList<KeyValuePair<string, double>> requests)
    {
        var plot = new Plot();
        foreach (var group in requests.GroupBy(r => r.Key))
        {
            double[] ms = group.Select(r => r.Value * 1000).Order().ToArray();
            double[] share = Enumerable.Range(1, ms.Length).Select(i => (double)i / ms.Length).ToArray();
            var line = plot.Add.ScatterLine(ms, share);
            line.LegendText = group.Key;
        }

        plot.XLabel("TTFT (ms)");
        plot.YLabel("share of requests");
        plot.ShowLegend();
        return Img(plot, "TTFT CDF");
    }

    private static void Line(Plot plot, double[] xs, double?[] ys, string label)
    {
        double[] x = xs.Where((_, i) => ys[i] is not null).ToArray();
        double[] y = ys.Where(v => v is not null).Select(v => v!.Value).ToArray();
        if (x.Length == 0)
        {
            return;
        }

        var scatter = plot.Add.Scatter(x, y);
        scatter.LegendText = label;
    }

    private static (double[] Xs, string Axis) X(IReadOnlyList<LevelResult> levels)
    {
        bool concurrency = levels.All(l => l.Concurrency is not null);
        bool rate = levels.All(l => l.Rate is not null);
        return concurrency ? (levels.Select(l => (double)l.Concurrency!.Value).ToArray(), "concurrency")
            : rate ? (levels.Select(l => l.Rate!.Value).ToArray(), "offered rate (requests/s)")
            : (levels.Select((_, i) => (double)i).ToArray(), "level (in order)");
    }

    private static string Img(Plot plot, string alt) =>
        plot.GetPngHtml(Width, Height, "chart", "").Replace("<img ", "<img alt=\"" + alt.ToString(CultureInfo.InvariantCulture) + "\" ", StringComparison.Ordinal);
}
