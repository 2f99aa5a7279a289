using Burnrate.Catalog;
using Burnrate.Core.Validation;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning.Tests.Fleet;

public sealed class FleetIntoPlanTests
{
    // 1,000 tokens/s flat for two months (Feb 2027: 672 h, Mar: 744 h) on 400 tokens/s units at $2/h: 3 units, $6/h.
    private const string FleetYaml = """
        name: serving
        horizon: {start: 2027-02, months: 2}
        demand: {tokensPerSecond: 1000}
        serving: [{name: gpu, capacityTokensPerSecond: 400}]
        options: [{name: od, kind: on-demand, usdPerUnitHour: 2}]
        """;

    private static string Plan(int months, double tokensPerMonth) => $$"""
        name: with a fleet
        start: 2027-02
        months: {{months}}
        cash: 1e6
        revenue:
          - {name: api, tokensPerMonth: {{tokensPerMonth}}, pricePerMillionTokens: 5}
        costs:
          inference:
            from: {fleet: fleet.yaml}
        """;

    private static PlanScenario Read(string plan)
    {
        using var temp = new TempFolder("burnrate-fleet-plan-");
        string dir = temp.Path;
        File.WriteAllText(Path.Combine(dir, "fleet.yaml"), FleetYaml);
        File.WriteAllText(Path.Combine(dir, "plan.yaml"), plan);
        return ScenarioReader.ReadFile(Path.Combine(dir, "plan.yaml"), new CostModelDeriver(BurnrateCatalog.Embedded));
    }

    [Fact]
    public void Should_ChargeTheFleetsMonthlyCost_When_ThePlanServesTheFleetsTokens()
    {
        // Given: the plan serves exactly the fleet's February tokens (1,000 × 3,600 × 672)
        PlanScenario scenario = Read(Plan(1, 1000.0 * 3600 * 672));

        // When
        MonthlyStatement statement = Projector.Project(scenario, new Dictionary<int, double>());

        // Then: the serving cost is the fleet's February cost, 3 units × $2 × 672 h
        statement.CostOfServing[0].ShouldBe(3 * 2 * 672, 1e-6);
    }

    [Fact]
    public void Should_UseEachMonthsFleetCostPerToken_When_TheDriverIsASeries()
    {
        // Given: $6/h for 1,000 tokens/s is $1.6667 per 1M tokens in both months
        PlanScenario scenario = Read(Plan(2, 1e9));

        // When
        MonthlyStatement statement = Projector.Project(scenario, new Dictionary<int, double>());
        MonteCarloResult mc = MonteCarlo.Run(scenario, 64, 1);

        // Then: deterministic and Monte Carlo paths both read the series (the scalar engine; the four-lane one needs no per-month driver)
        statement.CostOfServing.ShouldBe([1e3 * 6 / 3.6, 1e3 * 6 / 3.6], 1e-6); // 1e9 tokens × $1.6667 per 1M
        mc.Cash.P50[1].ShouldBe(statement.ClosingCash[1], 1.0); // bands are kept in single precision
    }

    [Fact]
    public void Should_NameTheMissingMonth_When_TheFleetIsShorterThanThePlan()
    {
        // When / Then
        Should.Throw<InputException>(() => Read(Plan(3, 1e9))).Message.ShouldContain("the plan needs 2027-04 too");
    }
}
