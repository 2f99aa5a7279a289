using Burnrate.Bench.Simulation;
using Burnrate.Core.Validation;

namespace Burnrate.Bench.Tests;

public sealed class BenchSessionTests
{
    [Fact]
    public async Task Should_MeasureEveryLevelAndReportProgress_When_RunAgainstTheSimulator()
    {
        // Given
        await using SimulatedServer server = await SimulatedServer.StartAsync(new SimulatorOptions { TtftSeconds = 0.005, ItlSeconds = 0.001, ModelName = "sim-model" });
        var progress = new Recorder();
        var request = new BenchRequest { Url = server.BaseUrl, Concurrency = [1, 2], Requests = 4, InputTokens = Burnrate.Bench.Workloads.LengthDistribution.Fixed(16), OutputTokens = Burnrate.Bench.Workloads.LengthDistribution.Fixed(4) };

        // When: no model named, so the session asks /v1/models
        BenchResult result = await BenchSession.RunAsync(request, progress);

        // Then
        result.Model.ShouldBe("sim-model");
        result.Assumptions.ShouldContain(a => a.Name == "model" && a.Value == "sim-model");
        result.Levels.Select(l => (l.Concurrency, l.Sent, l.Completed)).ShouldBe([(1, 4, 4), (2, 4, 4)]);
        result.Interrupted.ShouldBeFalse();
        progress.Seen.Where(p => p.Phase == "level" && p.Done == 0).Select(p => p.Level).ShouldBe(["concurrency=1", "concurrency=2"]);
        progress.Seen.Where(p => p.Level == "concurrency=2").Max(p => p.Done).ShouldBe(4);
    }

    [Fact]
    public async Task Should_SayWhatToTry_When_TheUrlLacksTheVersionPath()
    {
        // Given: the simulator serves /v1/...; the URL leaves /v1 out
        await using SimulatedServer server = await SimulatedServer.StartAsync(new SimulatorOptions());
        var request = new BenchRequest { Url = new Uri(server.BaseUrl.GetLeftPart(UriPartial.Authority)), Requests = 1 };

        // When
        InputException e = await Should.ThrowAsync<InputException>(() => BenchSession.RunAsync(request));

        // Then
        e.Message.ShouldContain("404");
        e.Message.ShouldContain("try --url " + server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/v1");
    }

    [Fact]
    public async Task Should_ThrowEveryBadField_When_RequestIsInvalid()
    {
        var request = new BenchRequest { Url = new Uri("http://127.0.0.1:9/v1"), Model = "m", Requests = 0, TimeoutSeconds = -1 };
        InputException e = await Should.ThrowAsync<InputException>(() => BenchSession.RunAsync(request));
        e.Errors.Select(x => x.Field).ShouldBe(["requests", "timeoutSeconds"], ignoreOrder: true);
    }

    private sealed class Recorder : IProgress<BenchProgress>
    {
        private readonly Lock _lock = new();

        public List<BenchProgress> Seen { get; } = [];

        public void Report(BenchProgress value)
        {
            lock (_lock)
            {
                Seen.Add(value);
            }
        }
    }
}
