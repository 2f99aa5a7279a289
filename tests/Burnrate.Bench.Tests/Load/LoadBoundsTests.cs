using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Simulation;
using Burnrate.Bench.Workloads;

namespace Burnrate.Bench.Tests.Load;

public sealed class LoadBoundsTests
{
    [Fact]
    public async Task Should_StopSchedulingAtTheDuration_When_RateLevelIsTimeBounded()
    {
        // Given: constant 40 requests/s for 0.5 s → 20 scheduled (the first at t = 0)
        var load = new LoadSettings { Rates = [40], Poisson = false, DurationSeconds = 0.5, Warmup = 4 };

        // When
        (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(new SimulatorOptions { TtftSeconds = 0.005, ItlSeconds = 0.001 }, load);
        await sim.DisposeAsync();

        // Then
        LevelResult level = levels.ShouldHaveSingleItem();
        level.Rate.ShouldBe(40);
        level.Arrivals.ShouldBe("constant");
        level.Sent.ShouldBe(20);
        (level.Completed + level.Failed).ShouldBe(level.Sent);
        level.AchievedSendRatePerSecond!.Value.ShouldBe(40, 4);
    }

    [Theory]
    [InlineData(1.0, "above-high")]
    [InlineData(0.001, "below-low")]
    public async Task Should_BracketTheGoodputSearch_When_SloIsLooseOrImpossible(double ttftSlo, string bracket)
    {
        // Given: TTFT is 20 ms at any rate
        var load = new LoadSettings { MaxGoodput = true, Requests = 4, SearchLowRate = 5, SearchHighRate = 20, SearchSteps = 2, Slo = new SloSettings(ttftSlo, null, null) };
        SimulatedServer sim = await SimulatedServer.StartAsync(new SimulatorOptions { TtftSeconds = 0.020, ItlSeconds = 0.001 });
        using var client = new OpenAiClient(new ClientOptions { BaseUrl = sim.BaseUrl, Model = "sim" });
        Workload workload = Workload.Synthetic(BenchTokenizer.O200k, LengthDistribution.Fixed(8), LengthDistribution.Fixed(2), 8, 1, 0);

        // When
        (_, MaxGoodputResult? search) = await new LoadRunner(client, workload, load).RunAsync(CancellationToken.None);
        await sim.DisposeAsync();

        // Then
        search.ShouldNotBeNull();
        search.Bracket.ShouldBe(bracket);
        search.Rate.ShouldBe(bracket == "above-high" ? 20 : null);
        search.Probes.Count.ShouldBe(bracket == "above-high" ? 1 : 2);
    }
}
