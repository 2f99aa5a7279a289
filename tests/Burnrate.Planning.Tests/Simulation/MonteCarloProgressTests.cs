using System.Collections.Concurrent;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning.Tests.Simulation;

/// <summary>Issue 12: a long plan reports how far its Monte Carlo is (the CLI draws it on standard error).</summary>
public sealed class MonteCarloProgressTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void Should_CountEveryPathOfEveryPass_When_ReportingProgress(int threads, bool kept)
    {
        // Given: 5,000 paths are 10 blocks of 512 (the last one short); their figures kept in memory, or streamed
        PlanScenario s = TestScenarios.Example();
        var reports = new ConcurrentQueue<MonteCarloProgress>();

        // When
        MonteCarlo.Run(s, 5000, 7, threads, RankSearch.DefaultCap, kept ? MonteCarlo.KeptBytes : 0, new Recorder(reports), default);

        // Then: each pass reports once per block, its counts rise to exactly 5,000, and the first pass comes first
        MonteCarloProgress[] all = [.. reports];
        all.ShouldAllBe(p => p.Paths == 5000 && p.PathsDone > 0 && p.PathsDone <= 5000);
        int passes = all.Max(p => p.Pass);
        if (kept)
        {
            passes.ShouldBe(1); // one pass keeps the figures; the percentiles are selected from them
        }
        else
        {
            passes.ShouldBeGreaterThanOrEqualTo(2); // the first pass counts, the next finds the exact percentiles
        }

        for (int pass = 1; pass <= passes; pass++)
        {
            long[] done = [.. all.Where(p => p.Pass == pass).Select(p => p.PathsDone).Order()];
            done.Length.ShouldBe(10);
            done.Distinct().Count().ShouldBe(10);
            done[^1].ShouldBe(5000);
        }

        all.TakeWhile(p => p.Pass == 1).Count().ShouldBe(10);
    }

    [Fact]
    public void Should_GiveTheSameResult_When_ProgressIsObserved()
    {
        // Given
        PlanScenario s = TestScenarios.Example();

        // When
        MonteCarloResult quiet = MonteCarlo.Run(s, 3000, 5);
        MonteCarloResult watched = MonteCarlo.Run(s, 3000, 5, -1, new Recorder(new ConcurrentQueue<MonteCarloProgress>()));

        // Then: bit for bit
        watched.Cash.P5.ShouldBe(quiet.Cash.P5);
        watched.Cash.P95.ShouldBe(quiet.Cash.P95);
        watched.CashOut.CumulativeByMonth.ShouldBe(quiet.CashOut.CumulativeByMonth);
    }

    // Progress<T> posts to the thread pool (reports would arrive after Run returns); this records synchronously.
    private sealed class Recorder(ConcurrentQueue<MonteCarloProgress> reports) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => reports.Enqueue(value);
    }
}
