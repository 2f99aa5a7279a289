using Burnrate.Bench.Client;
using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Tests.Metrics;

public sealed class LevelStatsTests
{
    // Timestamps offset by 100 s: 0 means "did not happen".
    private static long T(double seconds) => BenchClock.Ticks(100 + seconds);

    private static RequestRecord Streamed(int id, double scheduled, double sent, double[] chunks, int? serverTokens, double done)
    {
        var r = new RequestRecord(id, "concurrency=1", chunks.Length) { ScheduledAt = T(scheduled), SentAt = T(sent), OutputTokensServer = serverTokens, OutputTokensTokenizer = chunks.Length, PromptTokensClient = 10 };
        foreach (double c in chunks)
        {
            r.AddChunk(T(c));
        }

        r.DoneAt = T(done);
        return r;
    }

    [Fact]
    public void Should_ComputeMetricsPerDefinitions_When_GivenRawTimestamps()
    {
        // Given: sent at 1.0 s, tokens at 1.2, 1.3, 1.5, 1.6 s (TTFT 0.2 s; TPOT (1.6-1.2)/3; ITL 0.1, 0.2, 0.1), done 1.7 s
        RequestRecord a = Streamed(1, 0.9, 1.0, [1.2, 1.3, 1.5, 1.6], 4, 1.7);
        var failed = new RequestRecord(2, "concurrency=1", 0) { ScheduledAt = T(1.0), SentAt = T(1.0) };
        failed.Fail("reset", "gone", T(1.1));

        // When
        LevelResult level = LevelStats.Compute([a, failed], new LevelResult { Concurrency = 1 }, new SloSettings(0.25, null, null), 3.6);

        // Then
        level.Sent.ShouldBe(2);
        level.Completed.ShouldBe(1);
        level.Failed.ShouldBe(1);
        level.ErrorsByKind["reset"].ShouldBe(1);
        level.TtftSeconds.P50!.Value.ShouldBe(0.2, 1e-6);
        level.TtftFromScheduleSeconds.P50!.Value.ShouldBe(0.3, 1e-6);
        level.TpotSeconds.P50!.Value.ShouldBe(0.4 / 3, 1e-6);
        level.ItlSeconds.Count.ShouldBe(3);
        level.ItlSeconds.Max!.Value.ShouldBe(0.2, 1e-6);
        level.E2eSeconds.P50!.Value.ShouldBe(0.7, 1e-6);
        level.DispatchLagSeconds.Max!.Value.ShouldBe(0.1, 1e-6);
        level.WindowSeconds.ShouldBe(0.7, 1e-6);
        level.OutputTokensPerSecond.ShouldBe(4 / 0.7, 1e-4);
        level.GoodputRequestsPerSecond.ShouldBe(1 / 0.7, 1e-4);
        level.OutputTokensSource.ShouldBe("server");
        // $3.6/h for 0.7 s = $0.0007, over 4 tokens → $175 per 1M tokens
        level.CostPerMillionOutputTokensUsd!.Value.ShouldBe(3.6 * 0.7 / 3600 / 4 * 1e6, 1e-6);
    }

    [Fact]
    public void Should_FallBackToTokenizerCounts_When_ServerGivesNoUsage()
    {
        RequestRecord a = Streamed(1, 0, 0, [0.1, 0.2], null, 0.3);
        LevelResult level = LevelStats.Compute([a], new LevelResult { Concurrency = 1 }, SloSettings.None, null);
        level.OutputTokensSource.ShouldBe("tokenizer");
        level.OutputTokens.ShouldBe(2);
        level.CostPerMillionOutputTokensUsd.ShouldBeNull();
    }

    [Fact]
    public void Should_ExcludeFromGoodput_When_ASloIsMissed()
    {
        RequestRecord fast = Streamed(1, 0, 0, [0.1, 0.2], 2, 0.3);
        RequestRecord slow = Streamed(2, 0, 0, [0.5, 0.6], 2, 0.7);
        LevelResult level = LevelStats.Compute([fast, slow], new LevelResult { Concurrency = 2 }, new SloSettings(0.2, null, null), null);
        level.MetSlo.ShouldBe(1);
        level.GoodputRequestsPerSecond.ShouldBe(1 / 0.7, 1e-4);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool Should_ConserveRequests_When_AnyMixFails(bool[] fails)
    {
        var records = new List<RequestRecord>();
        for (int i = 0; i < fails.Length; i++)
        {
            RequestRecord r = Streamed(i, i, i, [i + 0.1, i + 0.2], 2, i + 0.3);
            if (fails[i])
            {
                r.Fail(i % 2 == 0 ? "reset" : "stalled", null, T(i + 0.3));
                r.ErrorKind.ShouldNotBeNull();
            }

            records.Add(r);
        }

        LevelResult level = LevelStats.Compute(records, new LevelResult { Concurrency = 1 }, SloSettings.None, null);
        return level.Completed + level.Failed == level.Sent && level.Sent == fails.Length && level.ErrorsByKind.Values.Sum() == level.Failed;
    }

    [Fact]
    public void Should_CountARequestAsSentAndFailed_When_ItFailedBeforeReachingTheClient()
    {
        // Given: a request recorded in the log that never got a send time (cancelled while queued, or a bad per-request bound)
        var early = new RequestRecord(3, "concurrency=1", 0) { ScheduledAt = T(1.0) };
        early.Fail("cancelled", "run cancelled", T(1.0));

        // When
        LevelResult level = LevelStats.Compute([early], new LevelResult { Concurrency = 1 }, SloSettings.None, null);

        // Then: the summary agrees with requests.jsonl, which holds it
        level.Sent.ShouldBe(1);
        level.Failed.ShouldBe(1);
        level.ErrorsByKind["cancelled"].ShouldBe(1);
    }
}
