using Burnrate.Core.Validation;
using Burnrate.Planning.Fleet;
using static Burnrate.Planning.Tests.Fleet.FleetInputs;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary>Small instances whose optimum is derived by hand (unit capacity 100 tokens/s, February 2027 = 672 hours).</summary>
public sealed class FleetOptimizerTests
{
    [Fact]
    public void Should_OwnTheBaseloadAndRentThePeak_When_OwningCostsLessThanAMonthOnDemand()
    {
        // Given: 100 tokens/s all day, 200 from 18:00 to 22:00; owning $1,000 a unit-month, on-demand $3/h.
        // One unit runs 672 h ($2,016 on demand) → own it; the second runs 4 h × 28 days = 112 h ($336 < $1,000) → rent it.
        FleetInput input = Input(Daily(h => h is >= 18 and < 22 ? 200 : 100), Owned(1000), OnDemand(3));

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then
        report.Status.ShouldBe("optimal");
        report.TotalCostUsd.ShouldBe(1336, 1e-6);
        Row(report, "owned").UnitsByMonth.ShouldBe([1.0]);
        Row(report, "on-demand").UnitsByMonth.ShouldBe([1.0]);
        Row(report, "on-demand").AverageUnitsByMonth[0].ShouldBe(112.0 / 672, 1e-12);
        Row(report, "on-demand").CostUsd.ShouldBe(336, 1e-6);
    }

    [Fact]
    public void Should_SolveTheExpectedProgramAsRunDoes_When_SolvingAloneForBenchmarks()
    {
        // Given: the owned-baseload instance above ($1,336 by hand)
        FleetInput input = Input(Daily(h => h is >= 18 and < 22 ? 200 : 100), Owned(1000), OnDemand(3));

        // When
        FleetSolveStats stats = FleetOptimizer.SolveExpected(input, Exact);

        // Then: the same optimum, and the program's size (two distinct hourly levels in February 2027's 672 hours)
        stats.Status.ShouldBe("optimal");
        stats.TotalCostUsd!.Value.ShouldBe(FleetOptimizer.Run(input, Exact).Report.TotalCostUsd, 1e-6);
        stats.Slots.ShouldBe(2);
        stats.Hours.ShouldBe(672);
        stats.Variables.ShouldBeGreaterThan(0);
        stats.Constraints.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_FailWithTheInputProblem_When_SolvingAnInvalidInputAlone()
    {
        FleetInput input = Input(Flat(100), OnDemand(3)) with { Months = 0 };

        Should.Throw<InputException>(() => FleetOptimizer.SolveExpected(input, Exact)).Errors.Select(e => e.Field).ShouldContain("horizon.months");
    }

    [Theory]
    [InlineData(50, 604.8, true)]    // API: 50 × 3600 × 672 × $5/1M = $604.80 < one unit $1,344
    [InlineData(111, 1342.656, true)] // just under the threshold $2/h ÷ (3600 × $5/1M) = 111.1 tokens/s
    [InlineData(112, 1344, false)]   // just above it: one unit on demand
    [InlineData(500, 1344, false)]   // one unit ($2 × 672) against $6,048 of API
    public void Should_UseTheApiOnlyBelowTheVolumeThreshold_When_AUnitCostsTwoDollarsAnHour(double tokensPerSecond, double cost, bool api)
    {
        // Given: units of 1,000 tokens/s
        FleetInput input = Input(Flat(tokensPerSecond), OnDemand(2), Api(5)) with { Servings = [new ServingEntry("gpu", 1000, "given")] };

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then
        report.TotalCostUsd.ShouldBe(cost, 1e-6);
        (Row(report, "api").ServedTokens > 0).ShouldBe(api);
        Row(report, "on-demand").UnitsByMonth[0].ShouldBe(api ? 0 : 1);
    }

    [Fact]
    public void Should_TopUpWholeUnitsWithTheApi_When_DemandJustExceedsAUnit()
    {
        // Given: 1,100 tokens/s on 1,000 tokens/s units: the last 100 tokens/s cost $1.80/h by API, less than a $2 unit
        FleetInput input = Input(Flat(1100), OnDemand(2), Api(5)) with { Servings = [new ServingEntry("gpu", 1000, "given")] };

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then
        report.TotalCostUsd.ShouldBe(1344 + (1.8 * 672), 1e-6);
        Row(report, "on-demand").UnitsByMonth[0].ShouldBe(1);
    }

    [Fact]
    public void Should_FillSpotToItsCap_When_ItsEffectivePriceIsLowest()
    {
        // Given: spot $1/h serving 95% of the time (0.1 interruptions/h × 30 min restart) = $1.05 per unit of capacity, on-demand $2.
        // 1,000 tokens/s: 3 spot give 285, 8 on-demand the rest ($19/h); 2 spot + 9 on-demand cost $20/h.
        FleetInput input = Input(Flat(1000), Spot(1, 1 - (0.1 * 30 / 60), 3), OnDemand(2));

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then
        report.TotalCostUsd.ShouldBe(19 * 672, 1e-6);
        Row(report, "spot").UnitsByMonth[0].ShouldBe(3);
        Row(report, "on-demand").UnitsByMonth[0].ShouldBe(8);
        Row(report, "spot").MarginalValueUsd.ShouldNotBeNull().ShouldBe(672, 1e-6); // a 4th spot unit: 380 + 7 on-demand → $18/h
    }

    [Theory]
    [InlineData(16, true)]  // needed 16 of 24 h: utilization 0.667 beats the break-even $1.2 / $2 = 0.6 → reserve
    [InlineData(12, false)] // needed 12 of 24 h: 0.5 < 0.6 → on demand
    public void Should_ReserveOnlyAboveTheBreakEvenUtilization_When_ATermCostsAFixedRate(int busyHours, bool reserve)
    {
        // Given: a year (8,760 h), one unit needed busyHours a day; reserved $1.2/h for 12 months, on-demand $2/h
        FleetInput input = Input(Daily(h => h < busyHours ? 100 : 0), Reserved(1.2, 12), OnDemand(2)) with { Start = new DateOnly(2027, 1, 1), Months = 12 };

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then
        report.TotalCostUsd.ShouldBe(reserve ? 1.2 * 8760 : 2.0 * 8760 * busyHours / 24, 1e-6);
        Row(report, "reserved").UnitsByMonth.ShouldAllBe(u => u == (reserve ? 1 : 0));
    }

    [Fact]
    public void Should_NameTheFirstSlotThatCannotBeCovered_When_CapsAreTooLow()
    {
        // Given: two on-demand units (200 tokens/s) and 250 tokens/s on Wednesdays at 14:00
        double[] week = Flat(100);
        week[(2 * 24) + 14] = 250;
        FleetInput input = Input(week, OnDemand(2, max: 2));

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then
        report.Status.ShouldBe("infeasible");
        report.Reason.ShouldBe("slot 2027-02 Wed 14:00 (scenario 'expected') needs 250 tokens/s including headroom; the options give at most 200: short by 50 tokens/s");
    }

    [Fact]
    public void Should_ListEveryBadField_When_TheInputIsInvalid()
    {
        // Given: a negative price and probabilities that do not sum to 1
        FleetInput input = Input(Flat(100), OnDemand(-1)) with { Scenarios = [new DemandScenario("a", 0, 0.5)], Headroom = -0.1 };

        // When
        IReadOnlyList<FieldError> problems = input.Validate();

        // Then: each names its field in the file, the value given and what is allowed
        problems.Select(p => p.Field).ShouldBe(["headroom", "demand.scenarios", $"options[{input.Options[0].Name}].usdPerUnitHour"]);
        problems[0].Value.ShouldBe("-0.1");
        problems[0].Allowed.ShouldBe("a share of capacity in [0, 10)");
        problems[1].Value.ShouldBe("probabilities summing to 0.5");
        problems[2].Value.ShouldBe("-1");
        Should.Throw<InputException>(() => FleetOptimizer.Run(input, Exact)).Errors.Count.ShouldBe(3);
    }

    [Fact]
    public void Should_NotUseOwnedUnits_When_TheyArriveAfterTheLeadTime()
    {
        // Given: owned is cheapest but takes a month to arrive; two months of flat demand
        FleetInput input = Input(Flat(100), Owned(100, lead: 1), OnDemand(2)) with { Months = 2 };

        // When
        FleetReport report = FleetOptimizer.Run(input, Exact).Report;

        // Then: February on demand (672 h × $2), March owned ($100)
        Row(report, "owned").UnitsByMonth.ShouldBe([0.0, 1.0]);
        report.TotalCostUsd.ShouldBe((672 * 2) + 100, 1e-6);
    }
}
