using Burnrate.Bench.Metrics;
using Burnrate.Bench;
using Burnrate.Reports.Bench;

namespace Burnrate.Reports.Tests.Bench;

public sealed class BenchReportTests
{
    [Fact]
    public void Should_EmbedChartsAndEscapeText_When_RenderingAResult()
    {
        // Given
        var level = new LevelResult
        {
            Concurrency = 8,
            Completed = 10,
            TtftSeconds = new LatencySummary { Count = 10, P50 = 0.2, P99 = 0.3 },
            OutputTokensPerSecond = 500,
            CostPerMillionOutputTokensUsd = 1.5,
        };
        var result = new BenchResult { Url = "http://x/v1", Model = "<m>", Levels = [level, level with { Concurrency = 16 }] };

        // When
        string html = BenchReport.Html(result, null);

        // Then
        html.ShouldContain("&lt;m&gt;");
        html.ShouldNotContain("<m>");
        html.ShouldContain("concurrency=16");
        (html.Split("data:image/png;base64").Length - 1).ShouldBe(3);
    }
}
