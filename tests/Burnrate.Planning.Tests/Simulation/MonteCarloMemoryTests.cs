using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning.Tests.Simulation;

/// <summary>Runs alone, so the process-wide allocation count is this test's.</summary>
[CollectionDefinition(nameof(MonteCarloMemoryTests), DisableParallelization = true)]
public sealed class MonteCarloMemoryRunsAlone;

[Collection(nameof(MonteCarloMemoryTests))]
public sealed class MonteCarloMemoryTests
{
    [Fact]
    public void Should_AllocateAFractionOfThePathFigures_When_ManyPathsRun()
    {
        // Given: 400,000 paths of the example; keeping each path's cash, revenue and net burn per month as floats would take 288 MB
        PlanScenario s = TestScenarios.Example();
        long keptFigures = 400_000L * 3 * s.Months * sizeof(float);
        MonteCarlo.Run(s, 1000, 1, maxDegreeOfParallelism: 2); // warm up: compiled code, thread pool

        // When
        long before = GC.GetTotalAllocatedBytes(precise: true);
        MonteCarlo.Run(s, 400_000, 1, maxDegreeOfParallelism: 2);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Then: histograms (16 MB at most per worker) and the few values collected near each rank, nowhere near the figures
        allocated.ShouldBeLessThan(keptFigures / 4, $"allocated {allocated / 1e6:F1} MB");
    }
}
