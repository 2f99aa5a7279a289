using System.Threading.Channels;
using Burnrate.Bench.Simulation;

namespace Burnrate.Bench.Tests.Simulation;

[Collection(TimingTests.Name)]
public sealed class BatchingEngineTests
{
    [Fact]
    public async Task Should_TimeTokensByPrefillThenDecodeSteps_When_OneSequenceRuns()
    {
        // Given: prefill 40 ms, decode step 15 ms regardless of batch
        var steps = new StepModel(_ => 0.040, (_, _) => 0.015, "test");
        await using var engine = new BatchingEngine(steps, 8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await WarmUpAsync(engine, timeout.Token);
        long stepsBefore = engine.StepsRun;

        // When: the clock starts before the submission, so the engine cannot have begun before it
        long start = BenchClock.Now;
        ChannelReader<int> tokens = engine.Submit(100, 5, CancellationToken.None);
        var at = new List<double>();
        await foreach (int _ in tokens.ReadAllAsync(timeout.Token))
        {
            at.Add(BenchClock.Seconds(BenchClock.Now - start));
        }

        // Then: the first token after the prefill, then one per decode step. A step never ends early, so the floors are
        // exact; a loaded machine only makes tokens later, so the ceiling only catches a gross error and the step count
        // pins the schedule.
        at.Count.ShouldBe(5);
        at[0].ShouldBeGreaterThanOrEqualTo(0.040);
        at[^1].ShouldBeGreaterThanOrEqualTo(0.040 + (4 * 0.015));
        at[^1].ShouldBeLessThan(5.0);
        (engine.StepsRun - stepsBefore).ShouldBe(5);
    }

    [Fact]
    public async Task Should_SlowEveryStep_When_BatchGrows()
    {
        // Given: decode step = 2 ms × batch size. The warm-up sequence's decode step waits on a gate, so the four
        // sequences below are all queued before the engine next reads its arrivals and join one batch (without the gate
        // the engine could wake on the first submission alone and prefill the others a step later).
        using var inDecode = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        int held = 0;
        var steps = new StepModel(
            _ => 0.001,
            (b, _) =>
            {
                if (Interlocked.Exchange(ref held, 1) == 0)
                {
                    inDecode.Set();
                    release.Wait(TimeSpan.FromSeconds(10));
                }

                return 0.002 * b;
            },
            "test");
        await using var engine = new BatchingEngine(steps, 8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        ChannelReader<int> warmUp = engine.Submit(1, 2, CancellationToken.None);
        inDecode.Wait(timeout.Token);

        // When
        long start = BenchClock.Now;
        ChannelReader<int>[] readers = [.. Enumerable.Range(0, 4).Select(_ => engine.Submit(10, 11, CancellationToken.None))];
        release.Set();
        await foreach (int _ in warmUp.ReadAllAsync(timeout.Token))
        {
        }

        foreach (ChannelReader<int> r in readers)
        {
            await foreach (int _ in r.ReadAllAsync(timeout.Token))
            {
            }
        }

        // Then: after the warm-up (2 steps), one prefill step over all four prompts (1 ms), then 10 decode steps at batch 4
        // (8 ms each). A step never ends early; the batch's first step starts no earlier than 2 ms (the warm-up's held
        // decode step) before the clock started, so the floor is exact. A loaded machine only makes it later, so the
        // ceiling is loose (10 steps at batch 1 would take 21 ms, far below the floor, so the bound still tells a slowed
        // batch from an unslowed one).
        double seconds = BenchClock.Seconds(BenchClock.Now - start);
        seconds.ShouldBeGreaterThanOrEqualTo(0.001 + (10 * 0.008) - 0.002);
        seconds.ShouldBeLessThan(5.0);
        engine.StepsRun.ShouldBe(2 + 11);
    }

    private static async Task WarmUpAsync(BatchingEngine engine, CancellationToken cancellationToken)
    {
        await foreach (int _ in engine.Submit(1, 2, CancellationToken.None).ReadAllAsync(cancellationToken))
        {
        }
    }
}
