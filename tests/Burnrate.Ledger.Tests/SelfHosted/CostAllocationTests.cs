using Burnrate.Ledger.SelfHosted;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Burnrate.Ledger.Tests.SelfHosted;

public sealed class CostAllocationTests
{
    [Fact]
    public void Should_ChargeEachLineItsModelledCostAndKeepTheRestIdle_When_TheCapacityWasNotFull()
    {
        // Given a $100.00 month and lines whose modelled costs are $10.25 and $4.75
        // When
        (decimal[] allocated, decimal idle) = CostAllocation.Allocate(100.00m, [10.25m, 4.75m]);

        // Then each line pays its modelled cost and $85.00 is idle
        allocated.ShouldBe([10.25m, 4.75m]);
        idle.ShouldBe(85.00m);
    }

    [Fact]
    public void Should_SplitTheWholeCostByWeight_When_TheModelledCostExceedsTheCapacity()
    {
        // Given a $90.00 month and lines whose modelled costs ($100 and $50) exceed it
        // When
        (decimal[] allocated, decimal idle) = CostAllocation.Allocate(90.00m, [100m, 50m]);

        // Then the cost splits 2:1 and nothing is idle
        allocated.ShouldBe([60m, 30m]);
        idle.ShouldBe(0m);
    }

    [Fact]
    public void Should_KeepTheWholeCostIdle_When_NothingWasServed()
    {
        (decimal[] allocated, decimal idle) = CostAllocation.Allocate(1234.56m, []);

        allocated.ShouldBeEmpty();
        idle.ShouldBe(1234.56m);
    }

    [Fact]
    public void Should_SumToTheCostExactly_When_WeightsDivideIntoRecurringDecimals()
    {
        // Given $100.00 split three ways (33.333…) by modelled costs that exceed it
        (decimal[] allocated, decimal idle) = CostAllocation.Allocate(100.00m, [100m, 100m, 100m]);

        // Then the crumbs go to one line: the sum is exactly the cost, nothing idle
        (allocated.Sum() + idle).ShouldBe(100.00m);
        idle.ShouldBe(0m);
        allocated.ShouldAllBe(a => Math.Abs(a - 33.3333333333m) <= 0.0000000002m);
    }

    [Property(MaxTest = 300)]
    public Property Should_AddUpToTheCostWithNothingNegative_When_AnyCostIsAllocatedOverAnyWeights(NonNegativeInt cents, int[] weightMicros)
    {
        // Given any cost to the cent and any non-negative modelled costs (to the micro-dollar, up to ~$2,000 a line)
        decimal cost = cents.Get / 100m;
        decimal[] weights = [.. (weightMicros ?? []).Select(w => Math.Abs((long)w) / 1_000_000m)];

        // When
        (decimal[] allocated, decimal idle) = CostAllocation.Allocate(cost, weights);

        // Then allocated + idle == cost exactly, nothing negative, no line above its modelled cost while capacity is spare,
        // and idle is the unmodelled remainder (to 1e-10 a line)
        decimal modelled = weights.Sum();
        decimal tolerance = 1e-10m * (weights.Length + 1);
        bool conserved = allocated.Sum() + idle == cost;
        bool nonNegative = idle >= 0 && allocated.All(a => a >= 0);
        bool idleIsRemainder = Math.Abs(idle - Math.Max(0m, cost - modelled)) <= tolerance;
        bool capped = modelled >= cost || allocated.Zip(weights).All(p => p.First <= p.Second);
        return (conserved && nonNegative && idleIsRemainder && capped).Label($"cost {cost}, Σw {modelled}, idle {idle}, Σa {allocated.Sum()}");
    }
}
