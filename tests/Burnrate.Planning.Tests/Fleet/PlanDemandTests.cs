using Burnrate.Core.Validation;
using Burnrate.Planning.Fleet;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary><c>demand.plan</c>: a fleet's demand taken from a plan scenario's token driver (docs/fleet.md, "Demand from a plan").</summary>
public sealed class PlanDemandTests : IDisposable
{
    // 1,000 tokens/s on average over an average month (730.5 h): 2.6298e9 tokens a month.
    private const double TokensPerMonthAt1000 = 1000 * 730.5 * 3600;

    private readonly TempFolder _dir = new("burnrate-plan-demand-");

    public void Dispose() => _dir.Dispose();

    private static string Plan(string revenue, string extra = "") => $$"""
        name: plan
        start: 2027-01
        months: 12
        cash: 1e6
        revenue:
        {{revenue}}
        {{extra}}
        """;

    private static string Fleet(string demand, string start = "2027-01") => $$"""
        name: from-plan
        horizon: {start: {{start}}, months: 3}
        demand:
        {{demand}}
        serving: [{name: gpu, capacityTokensPerSecond: 400}]
        options: [{name: od, kind: on-demand, usdPerUnitHour: 2}]
        """;

    private FleetInput Read(string plan, string fleet)
    {
        _dir.Write("plan.yaml", plan);
        return FleetReader.ReadFile(_dir.Write("fleet.yaml", fleet));
    }

    [Fact]
    public void Should_TakeTheLevelAndGrowthOfAUsageStream_When_DemandNamesAPlan()
    {
        // Given: 2.6298e9 tokens in the first month, growing 5% a month
        string plan = Plan($"  - {{name: api, tokensPerMonth: {TokensPerMonthAt1000}, monthlyGrowth: 0.05, pricePerMillionTokens: 1}}");

        // When
        FleetInput input = Read(plan, Fleet("  plan: {file: plan.yaml, revenue: api}"));

        // Then: a flat 1,000 tokens/s and the plan's growth; the source names the plan's drivers
        input.WeekTokensPerSecond.ShouldAllBe(v => Math.Abs(v - 1000) < 1e-9);
        input.MonthlyGrowth.ShouldBe(0.05, 1e-12);
        input.DemandSource.ShouldNotBeNull().ShouldContain("revenue.api.tokensPerMonth × (1 + revenue.api.monthlyGrowth)^m");
    }

    [Fact]
    public void Should_KeepTheMonthsTokensAndShapeThem_When_ADailyProfileIsGiven()
    {
        // Given: the plan's tokens, a profile of 1 at night and 3 by day (mean 2)
        string plan = Plan($"  - {{name: api, tokensPerMonth: {TokensPerMonthAt1000}, pricePerMillionTokens: 1}}");
        string daily = "[" + string.Join(", ", Enumerable.Range(0, 24).Select(h => h is >= 6 and < 18 ? "3" : "1")) + "]";

        // When
        FleetInput input = Read(plan, Fleet("  plan: {file: plan.yaml}\n  daily: " + daily));

        // Then: the average hour still carries 1,000 tokens/s; the peak is 1.5× it
        input.WeekTokensPerSecond.Average().ShouldBe(1000, 1e-9);
        input.WeekTokensPerSecond.Max().ShouldBe(1500, 1e-9);
        input.WeekTokensPerSecond.Min().ShouldBe(500, 1e-9);
    }

    [Fact]
    public void Should_GrowTheLevelToTheFleetsStart_When_TheFleetStartsAfterThePlan()
    {
        // Given: the fleet starts two months into a plan growing 10% a month
        string plan = Plan($"  - {{name: api, tokensPerMonth: {TokensPerMonthAt1000}, monthlyGrowth: 0.1, pricePerMillionTokens: 1}}");

        // When
        FleetInput input = Read(plan, Fleet("  plan: {file: plan.yaml}", start: "2027-03"));

        // Then
        input.WeekTokensPerSecond[0].ShouldBe(1000 * 1.1 * 1.1, 1e-9);
    }

    [Fact]
    public void Should_UseCustomersTimesTokensAndGrowthNetOfChurn_When_TheStreamIsASubscription()
    {
        // Given: 40 customers of 65.745e6 tokens a month each (1,000 tokens/s in all), +8% a month and 3% churn, at medians
        string plan = Plan($$"""
              - name: teams
                kind: subscription
                customers: 40
                monthlyGrowth: {dist: lognormal, median: 0.08, sigma: 0.2}
                monthlyChurn: 0.03
                pricePerMonth: 100
                tokensPerCustomerPerMonth: {{TokensPerMonthAt1000 / 40}}
            """);

        // When
        FleetInput input = Read(plan, Fleet("  plan: {file: plan.yaml, revenue: teams}"));

        // Then: the projection's own rule, customers × (1 + growth − churn)^m
        input.WeekTokensPerSecond[0].ShouldBe(1000, 1e-9);
        input.MonthlyGrowth.ShouldBe(0.05, 1e-12);
    }

    [Fact]
    public void Should_ReadThePlan_When_ThePlanTakesItsInferenceCostFromThisFleet()
    {
        // Given: plan → fleet (cost) and fleet → plan (demand); the plan's costs are not derived to read its tokens
        string plan = Plan($"  - {{name: api, tokensPerMonth: {TokensPerMonthAt1000}, pricePerMillionTokens: 1}}", "costs:\n  inference:\n    from: {fleet: fleet.yaml}");

        // When
        FleetInput input = Read(plan, Fleet("  plan: {file: plan.yaml}"));

        // Then
        input.WeekTokensPerSecond[0].ShouldBe(1000, 1e-9);
    }

    [Theory]
    [InlineData("  plan: {file: plan.yaml}", "2027-01", "demand.plan: demand.plan.revenue is missing; expected the revenue stream whose tokens the fleet serves")]
    [InlineData("  plan: {file: plan.yaml, revenue: chat}", "2027-01", "demand.plan: demand.plan.revenue 'chat' is not allowed; expected a revenue stream of")]
    [InlineData("  plan: {file: plan.yaml, revenue: api}", "2026-12", "demand.plan: horizon.start '2026-12' is not allowed; expected a month from the plan's start 2027-01 on")]
    [InlineData("  plan: {file: plan.yaml, revenue: api}\n  tokensPerSecond: 5", "2027-01", "give 'tokensPerSecond' or plan, not both")]
    [InlineData("  plan: {file: missing.yaml}", "2027-01", "missing.yaml")]
    public void Should_FailWithOneLocatedError_When_ThePlanCannotGiveTheDemand(string demand, string start, string message)
    {
        // Given: a plan with two streams
        string plan = Plan($"  - {{name: api, tokensPerMonth: 1e9, pricePerMillionTokens: 1}}\n  - {{name: batch, tokensPerMonth: 1e9, pricePerMillionTokens: 1}}");

        // When
        InputException error = Should.Throw<InputException>(() => Read(plan, Fleet(demand, start)));

        // Then: located in the fleet file
        error.Message.ShouldStartWith(_dir.File("fleet.yaml") + ":");
        error.Message.ShouldContain(message);
    }
}
