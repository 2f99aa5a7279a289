using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Simulation;

namespace Burnrate.Bench.Tests.Load;

/// <summary>Faults injected by the simulator are counted by kind, completed + failed = sent, and the run ends.</summary>
public sealed class FaultCountingTests
{
    [Theory]
    [InlineData("reset:1", "reset", true)]
    [InlineData("http500:1", "http_500", true)]
    [InlineData("stall:1", "stalled", true)]
    [InlineData("malformed:1", "malformed", true)]
    [InlineData("reset:1", "reset", false)]
    [InlineData("http500:1", "http_500", false)]
    [InlineData("stall:1", "timeout", false)]
    [InlineData("malformed:1", "malformed", false)]
    public async Task Should_CountEveryRequestAsTheFault_When_ServerAlwaysInjectsIt(string fault, string kind, bool stream)
    {
        // Given
        FaultProfile.TryParse(fault, out FaultProfile faults, out _).ShouldBeTrue();
        var server = new SimulatorOptions { TtftSeconds = 0.005, ItlSeconds = 0.002, Faults = faults };
        // Short bounds only where the fault needs them to end; generous elsewhere so a busy machine does not turn a reset into a stall.
        bool stall = kind is "stalled" or "timeout";
        var client = new ClientOptions { BaseUrl = new Uri("http://unused"), Model = "sim", Stream = stream, StallTimeoutSeconds = stall ? 0.3 : 5, RequestTimeoutSeconds = stall && !stream ? 1 : 10 };
        var load = new LoadSettings { Concurrency = [3], Requests = 6 };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // When
        (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(server, load, client, cancellationToken: timeout.Token);
        await sim.DisposeAsync();

        // Then
        LevelResult level = levels.ShouldHaveSingleItem();
        level.Sent.ShouldBe(6);
        level.Completed.ShouldBe(0);
        level.Failed.ShouldBe(6);
        level.ErrorsByKind.ShouldContainKeyAndValue(kind, 6);
    }

    [Fact]
    public async Task Should_MatchTheInjectedCounts_When_FaultsAreMixed()
    {
        // Given
        FaultProfile.TryParse("reset:0.1,http500:0.1,stall:0.05,malformed:0.1", out FaultProfile faults, out _).ShouldBeTrue();
        var server = new SimulatorOptions { TtftSeconds = 0.002, ItlSeconds = 0.001, Faults = faults, Seed = 42 };
        var client = new ClientOptions { BaseUrl = new Uri("http://unused"), Model = "sim", StallTimeoutSeconds = 1.0 };
        var load = new LoadSettings { Concurrency = [8], Requests = 80 };

        // When
        (IReadOnlyList<LevelResult> levels, SimulatedServer sim) = await BenchHarness.RunAsync(server, load, client);
        IReadOnlyDictionary<SimulatedFault, int> injected = sim.FaultsInjected;
        await sim.DisposeAsync();

        // Then
        LevelResult level = levels.ShouldHaveSingleItem();
        (level.Completed + level.Failed).ShouldBe(level.Sent);
        level.Sent.ShouldBe(80);
        level.ErrorsByKind.GetValueOrDefault("reset").ShouldBe(injected.GetValueOrDefault(SimulatedFault.Reset));
        level.ErrorsByKind.GetValueOrDefault("http_500").ShouldBe(injected.GetValueOrDefault(SimulatedFault.Http500));
        level.ErrorsByKind.GetValueOrDefault("stalled").ShouldBe(injected.GetValueOrDefault(SimulatedFault.Stall));
        level.ErrorsByKind.GetValueOrDefault("malformed").ShouldBe(injected.GetValueOrDefault(SimulatedFault.Malformed));
        level.Failed.ShouldBe(injected.Values.Sum());
        level.Failed.ShouldBeGreaterThan(0);
    }
}
