using Xunit.Abstractions;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Simulation;

namespace Burnrate.Bench.Tests.Load;

/// <summary>Bench against the fixed-timing simulator recovers the configured TTFT and ITL (issue 5: within 2 ms at concurrency 1 and 256).</summary>
[Collection(TimingTests.Name)]
public sealed class FixedTimingRecoveryTests(ITestOutputHelper output)
{
    // Wall-clock timing on a shared 2-core machine can be disturbed by other processes, so the measurement is
    // repeated up to 5 times and must land within 2 ms once; a wrong definition (role chunk as first token, TPOT
    // including the first token, a client that queues) misses on every attempt.
    [Theory]
    [InlineData(1, 6)]
    [InlineData(256, 256)]
    public async Task Should_RecoverTtftAndItlWithin2ms_When_ServerHasFixedTiming(int concurrency, int requests)
    {
        // Given
        const double ttft = 0.100, itl = 0.040;
        var server = new SimulatorOptions { TtftSeconds = ttft, ItlSeconds = itl };
        var load = new LoadSettings { Concurrency = [concurrency], Requests = requests, Warmup = concurrency, RampUpSeconds = concurrency > 1 ? 0.25 : 0 };
        LevelResult? level = null;
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            // When
            (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(server, load, outputTokens: 6);
            await sim.DisposeAsync();
            level = levels.ShouldHaveSingleItem();
            output.WriteLine($"attempt {attempt}: ttft p50 {level.TtftSeconds.P50:0.#####} s, itl p50 {level.ItlSeconds.P50:0.#####} s, tpot mean {level.TpotSeconds.Mean:0.#####} s, lag p99 {level.DispatchLagSeconds.P99:0.#####} s");
            if (Math.Abs(level.TtftSeconds.P50!.Value - ttft) <= 0.002 && Math.Abs(level.ItlSeconds.P50!.Value - itl) <= 0.002 && Math.Abs(level.TpotSeconds.P50!.Value - itl) <= 0.002)
            {
                break;
            }
        }

        // Then
        level!.Completed.ShouldBe(requests);
        level.Failed.ShouldBe(0);
        level.OutputTokensSource.ShouldBe("server");
        level.OutputTokens.ShouldBe(requests * 6);
        level.TtftSeconds.P50!.Value.ShouldBe(ttft, 0.002);
        level.ItlSeconds.P50!.Value.ShouldBe(itl, 0.002);
        level.TpotSeconds.P50!.Value.ShouldBe(itl, 0.002);
    }
}
