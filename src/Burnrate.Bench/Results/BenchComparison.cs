using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Results;

/// <summary>Two runs side by side: levels matched by concurrency or rate, with the relative change of each headline figure.</summary>
public static class BenchComparison
{
    /// <summary>Compares run <paramref name="b"/> with the baseline <paramref name="a"/>.</summary>
    /// <param name="pathA">Where the baseline was read from, as shown.</param>
    /// <param name="a">The baseline.</param>
    /// <param name="pathB">Where the other run was read from, as shown.</param>
    /// <param name="b">The run compared with it.</param>
    /// <returns>One row per level and figure, and warnings when the runs are not like for like.</returns>
    public static ComparisonReport Compare(string pathA, BenchResult a, string pathB, BenchResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rows = new List<ComparisonRow>();
        var keys = a.Levels.Select(Key).Concat(b.Levels.Select(Key)).Distinct(StringComparer.Ordinal).ToList();
        foreach (string key in keys)
        {
            LevelResult? la = a.Levels.FirstOrDefault(l => Key(l) == key);
            LevelResult? lb = b.Levels.FirstOrDefault(l => Key(l) == key);
            foreach ((string metric, Func<LevelResult, double?> get) in Metrics)
            {
                rows.Add(new ComparisonRow(key, metric, la is null ? null : get(la), lb is null ? null : get(lb)));
            }
        }

        return new ComparisonReport(pathA, pathB, rows) { Warnings = Warnings(a, b) };
    }

    /// <summary>Gets "concurrency=N" or "rate=R".</summary>
    /// <param name="level">The level.</param>
    /// <returns>The level's key.</returns>
    public static string Key(LevelResult level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.Concurrency is { } c
            ? "concurrency=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "rate=" + (level.Rate ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string>? Warnings(BenchResult a, BenchResult b)
    {
        var warnings = new List<string>();
        void Differ(string what, string x, string y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                warnings.Add($"the runs differ in {what}: A {x}, B {y}; the comparison is not like for like");
            }
        }

        Differ("workload", a.Workload, b.Workload);
        Differ("model", a.Model, b.Model);
        Differ("api", a.Api, b.Api);
        Differ("streaming", a.Stream ? "streaming" : "non-streaming", b.Stream ? "streaming" : "non-streaming");
        return warnings.Count > 0 ? warnings : null;
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
}
