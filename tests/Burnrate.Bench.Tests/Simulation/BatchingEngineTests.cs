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

        // When
        long start = BenchClock.Now;
        ChannelReader<int> tokens = engine.Submit(100, 5, CancellationToken.None);
        var at = new List<double>();
        await foreach (int _ in tokens.ReadAllAsync(timeout.Token))
        {
            at.Add(BenchClock.Seconds(BenchClock.Now - start));
        }

        // Then: first token after prefill, then one per decode step
        at.Count.ShouldBe(5);
        at[0].ShouldBe(0.040, 0.010);
        (at[^1] - at[0]).ShouldBe(4 * 0.015, 0.012);
    }

    [Fact]
    public async Task Should_SlowEveryStep_When_BatchGrows()
    {
        // Given: decode step = 2 ms × batch size; 4 sequences together
        var steps = new StepModel(_ => 0.001, (b, _) => 0.002 * b, "test");
        await using var engine = new BatchingEngine(steps, 8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await WarmUpAsync(engine, timeout.Token);
        ChannelReader<int>[] readers = [.. Enumerable.Range(0, 4).Select(_ => engine.Submit(10, 11, CancellationToken.None))];

        // When
        long start = BenchClock.Now;
        foreach (ChannelReader<int> r in readers)
        {
            await foreach (int _ in r.ReadAllAsync(timeout.Token))
            {
            }
        }

        // Then: one prefill step over all four prompts (1 ms), then 10 decode steps at batch 4 (8 ms each). A step never ends
        // early, so the floor is exact; a loaded machine only makes it later, so the ceiling is loose (10 steps at batch 1 would
        // take 21 ms, far below the floor, so the bound still tells a slowed batch from an unslowed one).
        double seconds = BenchClock.Seconds(BenchClock.Now - start);
        seconds.ShouldBeGreaterThanOrEqualTo(0.001 + (10 * 0.008) - 0.002);
        seconds.ShouldBeLessThan(1.0);
        engine.StepsRun.ShouldBe(11 + 2);
    }

    private static async Task WarmUpAsync(BatchingEngine engine, CancellationToken cancellationToken)
    {
        await foreach (int _ in engine.Submit(1, 2, CancellationToken.None).ReadAllAsync(cancellationToken))
        {
        }
    }
}
