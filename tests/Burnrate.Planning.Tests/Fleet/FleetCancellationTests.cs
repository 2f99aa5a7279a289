using System.Diagnostics;
using Burnrate.Planning.Fleet;
using static Burnrate.Planning.Tests.Fleet.FleetInputs;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary>
/// A cancelled token stops a fleet solve: OR-Tools' solve is interrupted (SCIP and CP-SAT), and no further solve starts. Bounded:
/// the hard solves below would run for minutes (their time limit is 10 minutes); each test waits at most 30 s for the cancellation.
/// </summary>
public sealed class FleetCancellationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // Twelve months of a weekly profile with 40 distinct levels a month, integer on-demand and spot units per slot (the direct program,
    // no recourse table), proved to optimality: minutes of branch and bound on either backend.
    private static FleetInput Hard()
    {
        double[] week = [.. Enumerable.Range(0, 168).Select(w => 2_000 + (137.0 * (w % 40)) + (w / 24 * 11.0))];
        return Input(week, Owned(1100, lead: 2, max: 30), Reserved(1.7, 6), OnDemand(2.5), Spot(1.1, 0.93, 12)) with
        {
            Start = new DateOnly(2027, 1, 1),
            Months = 12,
            MonthlyGrowth = 0.05,
            Headroom = 0.15,
            Servings = [new ServingEntry("gpu", 237, "given")],
        };
    }

    [Theory]
    [InlineData(SolverBackend.Scip)]
    [InlineData(SolverBackend.CpSat)]
    public async Task Should_StopPromptly_When_TheTokenIsCancelledDuringASolve(SolverBackend backend)
    {
        // Given: a long solve under way
        FleetInput input = Hard();
        var grid = SlotGrid.Build(input);
        var settings = new SolverSettings(backend, 0, 600);
        using var cancel = new CancellationTokenSource();
        Task<FleetOptimizer.Solved> solving = Task.Run(() => FleetOptimizer.Solve(input, grid, new DemandScenario("expected", input.MonthlyGrowth, 1), null, settings, perSlot: true, cancellationToken: cancel.Token));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        solving.IsCompleted.ShouldBeFalse("the instance must still be solving when the token is cancelled, or the test proves nothing");

        // When
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        Task first = await Task.WhenAny(solving, Task.Delay(Bound));

        // Then: the solve ended (not the bound) with a cancellation
        first.ShouldBe(solving, $"the solve did not stop within {Bound.TotalSeconds} s of the cancellation");
        await Should.ThrowAsync<OperationCanceledException>(() => solving);
        clock.Elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public void Should_NotStartSolving_When_TheTokenIsAlreadyCancelled()
    {
        // Given
        FleetInput input = Hard();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        // When
        var clock = Stopwatch.StartNew();
        Should.Throw<OperationCanceledException>(() => FleetOptimizer.Run(input, new SolverSettings(SolverBackend.Scip, 0, 600), contracts: true, cancel.Token));

        // Then
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Should_AnswerAsBefore_When_TheTokenIsNeverCancelled()
    {
        // Given: the hand-derived case of FleetOptimizerTests (own the base unit, rent the peak: $1,336)
        FleetInput input = Input(Daily(h => h is >= 18 and < 22 ? 200 : 100), Owned(1000), OnDemand(3));
        using var cancel = new CancellationTokenSource();

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact, cancellationToken: cancel.Token).Report;

        // Then
        report.TotalCostUsd.ShouldBe(1336, 1e-6);
    }
}
