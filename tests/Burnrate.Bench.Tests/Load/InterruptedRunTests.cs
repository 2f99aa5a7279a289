using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Bench.Simulation;

namespace Burnrate.Bench.Tests.Load;

public sealed class InterruptedRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("burnrate-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_LeaveAReadableJsonlOfWhatFinished_When_TheRunIsCancelled()
    {
        // Given: 1,000 requests of 0.1 s at concurrency 4 would take 25 s; cancel once 8 have been logged
        string path = Path.Combine(_dir, BenchResultFile.RequestsJsonl);
        var server = new SimulatorOptions { TtftSeconds = 0.05, ItlSeconds = 0.01 };
        var load = new LoadSettings { Concurrency = [4], Requests = 1000 };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        IReadOnlyList<LevelResult> levels;
        SimulatedServer sim;
        using (var log = new RequestLog(path, BenchClock.Now))
        {
            Task killer = Task.Run(async () =>
            {
                while (log.Written < 8)
                {
                    await Task.Delay(5);
                }

                await cancel.CancelAsync();
            });

            // When
            (levels, sim) = await BenchHarness.RunAsync(server, load, outputTokens: 6, log: log, cancellationToken: cancel.Token);
            await killer;
        }

        await sim.DisposeAsync();

        // Then
        var lines = RequestLog.Read(path);
        LevelResult level = levels.ShouldHaveSingleItem();
        level.Sent.ShouldBeLessThan(1000);
        lines.Count.ShouldBe(level.Sent);
        lines.Count(l => l.GetProperty("completed").GetBoolean()).ShouldBe(level.Completed);
        level.Completed.ShouldBeGreaterThan(0);
        (level.Completed + level.Failed).ShouldBe(level.Sent);
        level.ErrorsByKind.Keys.ShouldAllBe(k => k == "cancelled");
        lines.Where(l => l.GetProperty("completed").GetBoolean()).ShouldAllBe(l => l.GetProperty("sentAtSource").GetString() == "socket");
    }

    [Fact]
    public void Should_SkipACutLastLine_When_ReadingAfterAKill()
    {
        // Given: a log whose last line a kill cut short
        string path = Path.Combine(_dir, "cut.jsonl");
        File.WriteAllText(path, "{\"id\":1,\"completed\":true}\n{\"id\":2,\"completed\":true}\n{\"id\":3,\"compl");

        // When
        var lines = RequestLog.Read(path);

        // Then
        lines.Select(l => l.GetProperty("id").GetInt32()).ShouldBe([1, 2]);
    }
}
