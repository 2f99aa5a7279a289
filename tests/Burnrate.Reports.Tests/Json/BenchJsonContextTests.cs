using Burnrate.Bench;
using Burnrate.Bench.Metrics;
using Burnrate.Reports.Json;

namespace Burnrate.Reports.Tests.Json;

public sealed class BenchJsonContextTests
{
    [Fact]
    public void Should_WriteTheSameJson_When_TheSharedContextAndBenchsOwnSerializeAResult()
    {
        // Given: a result touching every shape the contract has (nested summaries, error kinds, SLOs, nulls, non-ASCII)
        var level = new LevelResult
        {
            Concurrency = 4,
            Sent = 3,
            Completed = 2,
            Failed = 1,
            ErrorsByKind = new Dictionary<string, int> { ["http_500"] = 1, ["too_large"] = 0 },
            TtftSeconds = new LatencySummary { Count = 2, P50 = 0.1, P999 = 0.2 },
            CostPerMillionOutputTokensUsd = double.NaN,
            Prediction = new LevelPrediction { TtftSeconds = 0.05, Source = "2×h100" },
        };
        var result = new BenchResult
        {
            Url = "http://127.0.0.1:1/v1",
            Model = "m — x",
            Slo = new SloSettings(0.5, null, 10),
            Levels = [level],
            Assumptions = [new("a", "1 × b", "user")],
            Warnings = ["w"],
        };

        // When
        string shared = BurnrateJson.Serialize(result);
        string own = BenchResultFile.ToJson(result);

        // Then
        shared.ShouldBe(own);
        shared.ShouldNotContain("\"any\"");
        shared.ShouldContain("\"http_500\": 1");
        shared.ShouldContain("\"p999\": 0.2");
    }
}
