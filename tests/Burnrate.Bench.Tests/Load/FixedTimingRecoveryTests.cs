using Xunit.Abstractions;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Simulation;

namespace Burnrate.Bench.Tests.Load;

/// <summary>Bench against the fixed-timing simulator recovers the configured TTFT and ITL (issue 5: within 2 ms at concurrency 1 and 256).</summary>
public sealed class FixedTimingRecoveryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 6)]
    [InlineData(256, 256)]
    public async Task Should_RecoverTtftAndItlWithin2ms_When_ServerHasFixedTiming(int concurrency, int requests)
    {
        // Given
        var server = new SimulatorOptions { TtftSeconds = 0.050, ItlSeconds = 0.020 };
        var load = new LoadSettings { Concurrency = [concurrency], Requests = requests, Warmup = concurrency, RampUpSeconds = 0.020 };

        // When
        (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(server, load, outputTokens: 6);
        await sim.DisposeAsync();

        // Then
        LevelResult level = levels.ShouldHaveSingleItem();
        output.WriteLine($"ttft {level.TtftSeconds}\nitl {level.ItlSeconds}\nlag {level.DispatchLagSeconds}\ne2e {level.E2eSeconds}");
        level.Completed.ShouldBe(requests);
        level.Failed.ShouldBe(0);
        level.TtftSeconds.P50!.Value.ShouldBe(0.050, 0.002);
        level.ItlSeconds.P50!.Value.ShouldBe(0.020, 0.002);
        level.TpotSeconds.Mean!.Value.ShouldBe(0.020, 0.002);
        level.OutputTokensSource.ShouldBe("server");
        level.OutputTokens.ShouldBe(requests * 6);
    }
}
