using System.Globalization;
using System.Text;
using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Results;

/// <summary>summary.csv: one row per level, latency columns in seconds, the error counts quoted as one field.</summary>
internal static class BenchCsv
{
    /// <summary>One row per level; latency columns in seconds.</summary>
    public static string Of(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder();
        string[] latencies = ["ttft", "tpot", "itl", "e2e", "dispatchLag"];
        string[] stats = ["p50", "p90", "p95", "p99", "mean", "min", "max"];
        csv.Append("concurrency,rate,sent,completed,failed,errorsByKind,windowSeconds,requestsPerSecond,outputTokensPerSecond,totalTokensPerSecond,goodputRequestsPerSecond,goodputOutputTokensPerSecond,outputTokensSource,costPerMillionOutputTokensUsd");
        foreach (string l in latencies)
        {
            foreach (string s in stats)
            {
                csv.Append(',').Append(l).Append('_').Append(s).Append("_seconds");
            }
        }

        csv.Append(",predictedTtftSeconds,predictedTpotSeconds,predictedOutputTokensPerSecond,predictedCostPerMillionOutputTokensUsd\n");
        foreach (LevelResult level in result.Levels)
        {
            csv.Append(F(level.Concurrency)).Append(',').Append(F(level.Rate)).Append(',')
                .Append(F(level.Sent)).Append(',').Append(F(level.Completed)).Append(',').Append(F(level.Failed)).Append(',')
                .Append('"').Append(string.Join(';', level.ErrorsByKind.Select(kv => kv.Key + "=" + kv.Value.ToString(CultureInfo.InvariantCulture)))).Append("\",")
                .Append(F(level.WindowSeconds)).Append(',').Append(F(level.RequestsPerSecond)).Append(',').Append(F(level.OutputTokensPerSecond)).Append(',')
                .Append(F(level.TotalTokensPerSecond)).Append(',').Append(F(level.GoodputRequestsPerSecond)).Append(',').Append(F(level.GoodputOutputTokensPerSecond)).Append(',')
                .Append(level.OutputTokensSource).Append(',').Append(F(level.CostPerMillionOutputTokensUsd));
            foreach (LatencySummary summary in new[] { level.TtftSeconds, level.TpotSeconds, level.ItlSeconds, level.E2eSeconds, level.DispatchLagSeconds })
            {
                foreach (double? v in new[] { summary.P50, summary.P90, summary.P95, summary.P99, summary.Mean, summary.Min, summary.Max })
                {
                    csv.Append(',').Append(F(v));
                }
            }

            LevelPrediction? p = level.Prediction;
            csv.Append(',').Append(F(p?.TtftSeconds)).Append(',').Append(F(p?.TpotSeconds)).Append(',').Append(F(p?.OutputTokensPerSecond)).Append(',').Append(F(p?.CostPerMillionOutputTokensUsd));
            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string F(int? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "";
}
