using System.Globalization;
using Burnrate.Bench.Metrics;
using Burnrate.Catalog.Files;

namespace Burnrate.Bench.Results;

/// <summary>summary.csv: one row per level, latency columns in seconds, the error counts as one "kind=n;kind=n" cell (RFC 4180 via <see cref="CsvWriter"/>).</summary>
internal static class BenchCsv
{
    private static readonly string[] Latencies = ["ttft", "tpot", "itl", "e2e", "dispatchLag"];
    private static readonly string[] Stats = ["p50", "p90", "p95", "p99", "mean", "min", "max"];

    public static string Of(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CsvWriter.Format(Header(), result.Levels.Select(Row));
    }

    private static List<string> Header()
    {
        List<string> header =
        [
            "concurrency", "rate", "sent", "completed", "failed", "errorsByKind", "windowSeconds", "requestsPerSecond", "outputTokensPerSecond",
            "totalTokensPerSecond", "goodputRequestsPerSecond", "goodputOutputTokensPerSecond", "outputTokensSource", "costPerMillionOutputTokensUsd",
        ];
        header.AddRange(Latencies.SelectMany(l => Stats.Select(s => l + "_" + s + "_seconds")));
        header.AddRange(["predictedTtftSeconds", "predictedTpotSeconds", "predictedOutputTokensPerSecond", "predictedCostPerMillionOutputTokensUsd"]);
        return header;
    }

    private static List<string> Row(LevelResult level)
    {
        List<string> row =
        [
            F(level.Concurrency), F(level.Rate), F(level.Sent), F(level.Completed), F(level.Failed),
            string.Join(';', level.ErrorsByKind.Select(kv => kv.Key + "=" + kv.Value.ToString(CultureInfo.InvariantCulture))),
            F(level.WindowSeconds), F(level.RequestsPerSecond), F(level.OutputTokensPerSecond), F(level.TotalTokensPerSecond),
            F(level.GoodputRequestsPerSecond), F(level.GoodputOutputTokensPerSecond), level.OutputTokensSource, F(level.CostPerMillionOutputTokensUsd),
        ];
        foreach (LatencySummary summary in new[] { level.TtftSeconds, level.TpotSeconds, level.ItlSeconds, level.E2eSeconds, level.DispatchLagSeconds })
        {
            row.AddRange(new[] { summary.P50, summary.P90, summary.P95, summary.P99, summary.Mean, summary.Min, summary.Max }.Select(F));
        }

        LevelPrediction? p = level.Prediction;
        row.AddRange([F(p?.TtftSeconds), F(p?.TpotSeconds), F(p?.OutputTokensPerSecond), F(p?.CostPerMillionOutputTokensUsd)]);
        return row;
    }

    private static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string F(int? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "";
}
