using Burnrate.Planning.Fleet;
using static Burnrate.Planning.Tests.Fleet.FleetInputs;

namespace Burnrate.Planning.Tests.Fleet;

public sealed class ContractEvaluatorTests
{
    // Flat demand for three months from February 2027 (672 + 744 + 720 = 2,136 hours); units of 100 tokens/s; on-demand $2/h.
    private static FleetInput ThreeMonths(params FleetContract[] contracts) =>
        Input(Flat(300), OnDemand(2)) with
        {
            Months = 3,
            Scenarios = [new DemandScenario("low", -0.5, 0.5), new DemandScenario("flat", 0, 0.5)],
            Contracts = contracts,
        };

    [Fact]
    public void Should_CommitToTheUnitsEveryScenarioNeeds_When_TheDiscountIsDeep()
    {
        // Given: a 3-month commitment at $1.5/h (25% off). "low" needs 3, 2, 1 units (300, 150, 75 tokens/s); "flat" 3, 3, 3.
        // A committed unit costs $1.5 × 2,136 = $3,204 for sure and saves $2/h in the hours it is used:
        //   1st unit: used always → saves $4,272; 2nd: low uses it 1,416 h, flat 2,136 h → expected saving $3,552 > $3,204;
        //   3rd: low 672 h, flat 2,136 h → expected $2,808 < $3,204. Best commitment: 2 units.
        var contract = new FleetContract { Name = "commit", Serving = 0, TermMonths = 3, Tiers = [new ContractTier(0, 1.5)] };

        // When
        FleetContractReport report = FleetOptimizer.Run(ThreeMonths(contract), Exact, contracts: true).Report.Contracts.Single();

        // Then
        report.BestCommitment.ShouldBe(2);
        double committed = 2 * 1.5 * 2136;
        double low = committed + (2 * 672), flat = committed + (2 * 2136); // low: 1 more unit in February; flat: 1 more unit throughout
        report.Scenarios.Select(s => s.CostUsd).ShouldBe([low, flat], 1e-6);
        report.ExpectedCostUsd.ShouldBe((low + flat) / 2, 1e-6);
        report.WorstCostUsd.ShouldBe(flat, 1e-6);

        // Hindsight: "low" alone commits 1 ($7,380; 0 → $8,448, 2 → $7,752); "flat" alone commits 3.
        double lowBest = (1 * 1.5 * 2136) + (2 * 2 * 672) + (1 * 2 * 744);
        double flatBest = 3 * 1.5 * 2136;
        report.Scenarios[0].RegretUsd.ShouldBe(low - lowBest, 1e-6);
        report.Scenarios[1].RegretUsd.ShouldBe(flat - flatBest, 1e-6);
        report.RegretUsd.ShouldBe(((low - lowBest) + (flat - flatBest)) / 2, 1e-6);
    }

    [Fact]
    public void Should_CommitNothing_When_TheContractIsDearerThanOnDemand()
    {
        // Given
        var contract = new FleetContract { Name = "dear", Serving = 0, TermMonths = 3, Tiers = [new ContractTier(0, 2.5)] };

        // When
        FleetContractReport report = FleetOptimizer.Run(ThreeMonths(contract), Exact, contracts: true).Report.Contracts.Single();

        // Then
        report.BestCommitment.ShouldBe(0);
        report.ExpectedSavingUsd.ShouldBe(0, 1e-6);
    }

    [Fact]
    public void Should_ReachTheCheaperTier_When_CommittingMoreUnitsPays()
    {
        // Given: $1.9/h below 3 units, $1.2/h from 3 units (all units). Three units at $1.2 cost less than two at $1.9 + on-demand.
        var contract = new FleetContract { Name = "tiers", Serving = 0, TermMonths = 3, Tiers = [new ContractTier(0, 1.9), new ContractTier(3, 1.2)] };

        // When
        FleetContractReport report = FleetOptimizer.Run(ThreeMonths(contract), Exact, contracts: true).Report.Contracts.Single();

        // Then
        report.BestCommitment.ShouldBe(3);
        report.WorstCostUsd.ShouldBe(3 * 1.2 * 2136, 1e-6);
    }
}
