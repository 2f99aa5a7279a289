using Burnrate.Planning.Fleet;
using FsCheck.Xunit;
using static Burnrate.Planning.Tests.Fleet.FleetInputs;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary>Invariants of the optimum over random small fleets (two months, a daily peak, every option kind).</summary>
public sealed class FleetPropertyTests
{
    [Property(MaxTest = 40)]
    public bool Should_NeverCostLess_When_DemandIsHigherInEveryHour(byte baseLoad, byte peak, byte hours, byte prices, byte more)
    {
        // Given
        FleetInput input = Random(baseLoad, peak, hours, prices, all: true);
        double factor = 1 + ((more % 50) / 100.0) + 0.01;
        FleetInput higher = input with { WeekTokensPerSecond = [.. input.WeekTokensPerSecond.Select(v => v * factor)] };

        // When / Then
        return Cost(higher) >= Cost(input) - 1e-6;
    }

    [Property(MaxTest = 40)]
    public bool Should_NeverCostMore_When_AnOptionIsAdded(byte baseLoad, byte peak, byte hours, byte prices, byte which)
    {
        // Given: the full option set, and the same without one of its options (not the uncapped on-demand, which keeps it feasible)
        FleetInput all = Random(baseLoad, peak, hours, prices, all: true);
        int drop = 1 + (which % (all.Options.Count - 1));
        FleetInput fewer = all with { Options = [.. all.Options.Where((_, i) => i != drop)] };

        // When / Then
        return Cost(all) <= Cost(fewer) + 1e-6;
    }

    [Property(MaxTest = 40)]
    public bool Should_NeverCostMore_When_ACapIsRemoved(byte baseLoad, byte peak, byte hours, byte prices)
    {
        // Given: the spot and owned caps lifted
        FleetInput capped = Random(baseLoad, peak, hours, prices, all: true);
        FleetInput free = capped with { Options = [.. capped.Options.Select(o => o with { MaxUnits = null })] };

        // When / Then
        return Cost(free) <= Cost(capped) + 1e-6;
    }

    [Property(MaxTest = 40)]
    public bool Should_FindTheSameOptimum_When_SlotsHaveTheirOwnVariablesInsteadOfTheRecourseTable(byte baseLoad, byte peak, byte hours, byte prices)
    {
        // Given: the tabulated per-slot recourse (the default) and the direct formulation with integer units per slot
        FleetInput input = Random(baseLoad, peak, hours, prices, all: true);
        var grid = SlotGrid.Build(input);
        var expected = new DemandScenario("expected", input.MonthlyGrowth, 1);

        // When
        double table = FleetOptimizer.Solve(input, grid, expected, null, Exact).Result!.TotalCost;
        double direct = FleetOptimizer.Solve(input, grid, expected, null, Exact, perSlot: true).Result!.TotalCost;

        // Then
        return Math.Abs(table - direct) <= 1e-6 * Math.Max(1, direct);
    }

    private static double Cost(FleetInput input) => FleetOptimizer.Run(input, Exact).Report.TotalCostUsd;

    private static FleetInput Random(byte baseLoad, byte peak, byte hours, byte prices, bool all)
    {
        double low = 20 + baseLoad, high = low + (peak * 2);
        int busy = hours % 24;
        var options = new List<FleetOption> { OnDemand(2 + (prices % 5)) };
        if (all)
        {
            options.Add(Owned(600 + (10 * (prices % 60)), lead: prices % 2, max: 1 + (prices % 3)));
            options.Add(Spot(0.5 + ((prices % 7) * 0.3), 0.9, max: prices % 4));
            options.Add(Reserved(1 + ((prices % 9) * 0.2), 1 + (prices % 2)) with { Name = "reserved" });
            options.Add(Api(1 + (prices % 13)));
        }

        return Input(Daily(h => h < busy ? high : low), [.. options]) with { Months = 2, MonthlyGrowth = (prices % 11) / 100.0 };
    }
}
