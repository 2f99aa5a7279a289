using Burnrate.Planning.Fleet;
using static Burnrate.Planning.Tests.Fleet.FleetInputs;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary>
/// The CP-SAT backend (<c>--solver cp-sat</c>): it needs every variable integer, so it solves fleets without an API option and
/// reproduces the hand-derived optima SCIP does; with an API option (continuous tokens) the program goes to SCIP.
/// </summary>
public sealed class CpSatTests
{
    private static readonly SolverSettings CpSat = Exact with { Backend = SolverBackend.CpSat };

    [Fact]
    public void Should_ReproduceTheHandDerivedOptimum_When_CpSatSolvesAnIntegerFleet()
    {
        // Given: 100 tokens/s all day, 200 from 18:00 to 22:00; owning $1,000 a unit-month, on-demand $3/h.
        // One unit runs 672 h ($2,016 on demand) → own it; the second runs 4 h × 28 days = 112 h ($336 < $1,000) → rent it.
        FleetInput input = Input(Daily(h => h is >= 18 and < 22 ? 200 : 100), Owned(1000), OnDemand(3));

        // When
        FleetReport report = FleetOptimizer.Run(input, CpSat).Report;

        // Then
        report.Model.Backend.ShouldBe("cp-sat");
        report.Status.ShouldBe("optimal");
        report.TotalCostUsd.ShouldBe(1336, 1e-6);
        Row(report, "owned").UnitsByMonth.ShouldBe([1.0]);
        Row(report, "on-demand").CostUsd.ShouldBe(336, 1e-6);
    }

    [Theory]
    [InlineData(16, 3)] // units 2 and 3 needed 16 of 24 h: utilization 0.667 beats the break-even $1.2 / $2 = 0.6 → reserve all three
    [InlineData(12, 1)] // needed 12 of 24 h: 0.5 < 0.6 → reserve the base unit only, rent the rest
    public void Should_AgreeWithScip_When_ReservationsAndOnDemandAreMixed(int busyHours, int reserved)
    {
        // Given: a year (8,760 h); 300 tokens/s for busyHours a day, else 100, on units of 100; reserved $1.2/h for 12 months, on-demand $2/h
        FleetInput input = Input(Daily(h => h < busyHours ? 300 : 100), Reserved(1.2, 12), OnDemand(2)) with { Start = new DateOnly(2027, 1, 1), Months = 12 };

        // When
        FleetReport scip = FleetOptimizer.Run(input, Exact).Report;
        FleetReport cpSat = FleetOptimizer.Run(input, CpSat).Report;

        // Then: the same optimum and reservation as SCIP, and the hand-derived one
        cpSat.Model.Backend.ShouldBe("cp-sat");
        scip.Model.Backend.ShouldBe("scip");
        cpSat.Status.ShouldBe("optimal");
        cpSat.TotalCostUsd.ShouldBe(scip.TotalCostUsd, 1e-6);
        cpSat.TotalCostUsd.ShouldBe((reserved * 1.2 * 8760) + ((3 - reserved) * 2.0 * 8760 * busyHours / 24), 1e-6);
        Row(cpSat, "reserved").UnitsByMonth.ShouldAllBe(u => u == reserved);
    }

    [Fact]
    public void Should_SolveWithCpSat_When_TheApiIsInsideTheTabulatedRecourse()
    {
        // Given: no held option, so on-demand units and API tokens are priced per slot offline (the recourse table) and the program is all-integer
        FleetInput input = Input(Flat(1100), OnDemand(2), Api(5)) with { Servings = [new ServingEntry("gpu", 1000, "given")] };

        // When
        FleetReport report = FleetOptimizer.Run(input, CpSat).Report;

        // Then: one unit and the API for the last 100 tokens/s ($1.80/h, less than a $2 unit), as SCIP finds
        report.Model.Backend.ShouldBe("cp-sat");
        report.TotalCostUsd.ShouldBe(1344 + (1.8 * 672), 1e-6);
        Row(report, "on-demand").UnitsByMonth[0].ShouldBe(1);
    }

    [Fact]
    public void Should_SolveWithScip_When_TheProgramHasContinuousApiTokens()
    {
        // Given: the same fleet with every slot's units and API tokens in the program (the direct formulation): API tokens are continuous
        FleetInput input = Input(Flat(1100), OnDemand(2), Api(5)) with { Servings = [new ServingEntry("gpu", 1000, "given")] };
        var grid = SlotGrid.Build(input);

        // When
        FleetOptimizer.Solved solved = FleetOptimizer.Solve(input, grid, new DemandScenario("expected", 0, 1), null, CpSat, perSlot: true);

        // Then: CP-SAT cannot take a continuous variable, so SCIP solves it, to the same optimum
        solved.Model.Lp.IntegerCount.ShouldBeLessThan(solved.Model.Lp.VariableCount);
        solved.Solution.ShouldNotBeNull().Backend.ShouldBe("scip");
        solved.Result.ShouldNotBeNull().TotalCost.ShouldBe(1344 + (1.8 * 672), 1e-6);
    }
}
