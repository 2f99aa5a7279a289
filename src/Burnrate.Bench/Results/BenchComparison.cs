using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Results;

/// <summary>Two runs side by side: levels matched by concurrency or rate, with the relative change of each headline figure.</summary>
internal static class BenchComparison
{
    /// <summary>One figure of one level in both runs.</summary>
    internal sealed record Row(string Level, string Metric, double? A, double? B)
    {
        /// <summary>Gets (B − A) / A, or null when either is missing or A is 0.</summary>
        public double? RelativeChange => A is { } a && B is { } b && a != 0 ? (b - a) / a : null;
    }

    public static IReadOnlyList<Row> Compare(BenchResult a, BenchResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rows = new List<Row>();
        var keys = a.Levels.Select(Key).Concat(b.Levels.Select(Key)).Distinct(StringComparer.Ordinal).ToList();
        foreach (string key in keys)
        {
            LevelResult? la = a.Levels.FirstOrDefault(l => Key(l) == key);
            LevelResult? lb = b.Levels.FirstOrDefault(l => Key(l) == key);
            foreach ((string metric, Func<LevelResult, double?> get) in Metrics)
            {
                rows.Add(new Row(key, metric, la is null ? null : get(la), lb is null ? null : get(lb)));
            }
        }

        return rows;
    }

    private static readonly (string Name, Func<LevelResult, double?> Get)[] Metrics =
    [
        ("ttftSeconds.p50", l => l.TtftSeconds.P50),
        ("ttftSeconds.p99", l => l.TtftSeconds.P99),
        ("tpotSeconds.p50", l => l.TpotSeconds.P50),
        ("tpotSeconds.p99", l => l.TpotSeconds.P99),
        ("itlSeconds.p50", l => l.ItlSeconds.P50),
        ("e2eSeconds.p50", l => l.E2eSeconds.P50),
        ("e2eSeconds.p99", l => l.E2eSeconds.P99),
        ("requestsPerSecond", l => l.RequestsPerSecond),
        ("outputTokensPerSecond", l => l.OutputTokensPerSecond),
        ("goodputRequestsPerSecond", l => l.GoodputRequestsPerSecond),
        ("failed", l => l.Failed),
        ("costPerMillionOutputTokensUsd", l => l.CostPerMillionOutputTokensUsd),
    ];

    /// <summary>Gets "concurrency=N" or "rate=R".</summary>
    public static string Key(LevelResult level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.Concurrency is { } c
            ? "concurrency=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "rate=" + (level.Rate ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
