using System.Globalization;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;
using FsCheck.Xunit;

namespace Burnrate.Planning.Tests.Projection;

public sealed class ProjectionEngineTests
{
    private static MonthlyStatement Base(PlanScenario s) => Projector.Presets(s).Single(p => p.Name == "base").Statement;

    [Property(MaxTest = 200)]
    public bool Should_RunOutAtCashOverBurn_When_BurnIsConstantAndThereIsNoRevenue(ushort cashUnits, byte burnUnits)
    {
        // Given: cash and burn chosen so cash ÷ burn is never a whole number (the month it hits exactly 0 is not "out")
        double burn = 1000 + burnUnits;
        double cash = (burn * (cashUnits % 100)) + (burn / 2);
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(cash, burn, 120));

        // When
        MonthlyStatement st = Base(s);

        // Then: the first month with negative cash is month floor(cash / burn) (months counted from 0); runway = max(0, cash left) ÷ burn
        return st.CashOutMonth == (int)Math.Floor(cash / burn)
            && Math.Abs(st.RunwayMonths[0] - Math.Max(0, (cash - burn) / burn)) < 1e-9;
    }

    [Property(MaxTest = 150)]
    public bool Should_ConserveCashEveryMonthOfEveryPreset_When_ScenarioIsRandom(ushort a, ushort b, byte c, byte d, bool repeat)
    {
        // Given: a scenario exercising every line: two streams, serving, training, staff, opex, capex, funding, both trigger kinds
        string yaml = string.Create(CultureInfo.InvariantCulture, $$"""
            name: random
            start: 2026-01
            months: 36
            cash: {{(a + 1) * 1e5}}
            revenue:
              - {name: api, kind: usage, tokensPerMonth: {{b * 1e8}}, monthlyGrowth: {{(c % 20) / 100.0}}, pricePerMillionTokens: 2, annualPriceChange: -0.3}
              - {name: subs, kind: subscription, customers: {{d * 10}}, monthlyGrowth: 0.05, monthlyChurn: 0.02, pricePerMonth: 20, tokensPerCustomerPerMonth: 1e6}
            costs:
              inference: {costPerMillionTokens: 0.8, annualCostChange: -0.35}
              training: [{name: t, month: 2026-0{{1 + (c % 9)}}, costUsd: {{b * 100}} }]
              staff: {headcount: {{d % 30}}, hiresPerMonth: 1, loadedCostPerYear: 120000}
              other: {monthlyUsd: {{a * 3}} }
              capex: [{name: k, month: 2026-0{{1 + (d % 9)}}, amountUsd: {{c * 1000}}, depreciationYears: 2.5}]
            funding:
              - {name: f, month: 2027-01, amountUsd: 1e6, probability: 0.6}
            triggers:
              - {name: raise, when: {runwayMonthsBelow: 6}, action: {raiseUsd: 2e6, closeMonths: {{c % 4}} }, repeat: {{(repeat ? "true" : "false")}} }
              - {name: cut, when: {cashBelowUsd: 1e6}, action: {cutOpexPercent: 25} }
            presets:
              best: {revenue.api.monthlyGrowth: 0.1}
              worst: {revenue.api.monthlyGrowth: -0.02, costs.other.monthlyUsd: {{a * 6}} }
            """);
        PlanScenario s = TestScenarios.Read(yaml);

        // When / Then
        foreach (PresetProjection p in Projector.Presets(s))
        {
            MonthlyStatement st = p.Statement;
            for (int m = 0; m < s.Months; m++)
            {
                double outflows = st.CostOfServing[m] + st.Training[m] + st.Staff[m] + st.OtherOpex[m] + st.Capex[m];
                double expected = st.OpeningCash[m] + st.Revenue[m] + st.Financing[m] - outflows;
                bool linked = m == 0 ? st.OpeningCash[0] == (a + 1) * 1e5 : st.OpeningCash[m] == st.ClosingCash[m - 1];
                if (Math.Abs(st.ClosingCash[m] - expected) > 1e-6 * Math.Max(1, Math.Abs(expected)) || !linked || !(st.RunwayMonths[m] >= 0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 60)]
    public bool Should_ProjectTheStatementsMonths_When_RunWithoutAStatementAsTheMonteCarloDoes(byte growth, byte churn, bool perMonth, bool repeat, ushort seed)
    {
        // Given: a random path of a scenario with every line, drivers drawn once or per month (the engine compiles a copy for each mode)
        string yaml = TestScenarios.EveryLine(growth / 1000.0, (churn % 101) / 100.0, 2, repeat, perMonth);
        PlanScenario s = TestScenarios.Read(yaml);
        var sampler = new DriverSampler(s);
        var arrays = new ScenarioArrays(s);
        PathInputs input = sampler.NewInputs();
        PathRandom rng = PathRandom.For(seed, 0);
        sampler.Fill(ref rng, input, new double[s.Drivers.Count]);
        var statement = new MonthlyStatement(s.Months, s.Revenue.Select(r => r.Name));
        var withStatement = new PathTrace(s.Months, s.Revenue.Count, s.Triggers.Count, s.Drivers.Count);
        var without = new PathTrace(s.Months, s.Revenue.Count, s.Triggers.Count, s.Drivers.Count);

        // When: the same path with a statement (presets) and without (Monte Carlo), twice without to reuse the trace
        ProjectionEngine.Run(s, arrays, input, withStatement, statement);
        ProjectionEngine.Run(s, arrays, input, without, null);
        ProjectionEngine.Run(s, arrays, input, without, null);

        // Then: identical cash, revenue, net burn, cash-out and trigger months
        for (int m = 0; m < s.Months; m++)
        {
            if (without.Rows[3 * m] != statement.ClosingCash[m] || without.Rows[(3 * m) + 1] != statement.Revenue[m] || without.Rows[(3 * m) + 2] != statement.NetBurn[m])
            {
                return false;
            }
        }

        return without.CashOutMonth == statement.CashOutMonth
            && Enumerable.Range(0, s.Triggers.Count).All(t => without.FirstFiring(t) == withStatement.FirstFiring(t))
            && (input.Monthly.Length > 0) == perMonth;
    }

    [Fact]
    public void Should_ReportUnboundedRunway_When_MeanBurnOfLastThreeMonthsIsNotPositive()
    {
        // Given: revenue 10 a month against 5 of opex
        PlanScenario s = TestScenarios.Read("""
            name: profitable
            start: 2026-01
            months: 6
            cash: 100
            revenue: [{name: s, kind: subscription, customers: 1, pricePerMonth: 10}]
            costs: {other: {monthlyUsd: 5}}
            """);

        // When
        MonthlyStatement st = Base(s);

        // Then
        st.RunwayMonths.ShouldAllBe(r => double.IsPositiveInfinity(r));
        st.NetBurn[0].ShouldBe(-5, 1e-12);
        st.GrossMargin[0].ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Should_UseTheMeanBurnOfMonthsMMinus2ToM_When_BurnChanges()
    {
        // Given: training spends 300 in month 2 on top of 100 a month
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(10_000, 100, 12, "  training: [{name: t, month: 2026-03, costUsd: 300}]"));

        // When
        MonthlyStatement st = Base(s);

        // Then: month 2 closes at 10000 − 600 = 9400; mean burn of months 0..2 = (100 + 100 + 400) / 3 = 200 → 47 months
        st.ClosingCash[2].ShouldBe(9400, 1e-9);
        st.RunwayMonths[2].ShouldBe(47, 1e-9);
        st.RunwayMonths[0].ShouldBe(9900 / 100.0, 1e-9);
    }

    [Fact]
    public void Should_FireOnceAndLandTheRaiseCloseMonthsLater_When_RunwayDropsBelowThreshold()
    {
        // Given: cash 1000, burn 100 → runway after month m is 9 − m, so runway < 5 first at month 5 (hand calculation)
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(1000, 100, 24, """
            triggers:
              - {name: raise, when: {runwayMonthsBelow: 5}, action: {raiseUsd: 500, closeMonths: 3}}
            """));

        // When
        MonthlyStatement st = Base(s);

        // Then: fired at month 5 only (the condition also holds in months 6 and 7), the money lands in month 8
        st.Firings.ShouldBe([("raise", 5)]);
        st.Financing.Select((f, m) => (f, m)).Where(x => x.f != 0).ShouldBe([(500.0, 8)]);
        st.ClosingCash[8].ShouldBe(1000 - 900 + 500, 1e-9);
    }

    [Fact]
    public void Should_FireAgainAfterConditionClears_When_RepeatIsTrue()
    {
        // Given: as above with repeat; after the raise lands in month 8 runway is 6, then drops below 5 at month 10
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(1000, 100, 12, """
            triggers:
              - {name: raise, when: {runwayMonthsBelow: 5}, action: {raiseUsd: 500, closeMonths: 3}, repeat: true}
            """));

        // When
        MonthlyStatement st = Base(s);

        // Then
        st.Firings.ShouldBe([("raise", 5), ("raise", 10)]);
    }

    [Fact]
    public void Should_CutOpexFromTheNextMonth_When_CashFallsBelowThreshold()
    {
        // Given: cash 1000, opex 100; closing cash 900, 800, 700: below 750 first at month 2
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(1000, 100, 8, """
            triggers:
              - {name: cut, when: {cashBelowUsd: 750}, action: {cutOpexPercent: 20}}
            """));

        // When
        MonthlyStatement st = Base(s);

        // Then
        st.Firings.ShouldBe([("cut", 2)]);
        st.OtherOpex[2].ShouldBe(100, 1e-9);
        st.OtherOpex[3].ShouldBe(80, 1e-9);
        st.OtherOpex[7].ShouldBe(80, 1e-9);
    }

    [Fact]
    public void Should_ShowCapexInCashAndDepreciationInProfit_When_EquipmentIsBought()
    {
        // Given: 1200 of capex in month 2, depreciated over 1 year
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(10_000, 0, 24, """
            capex: [{name: k, month: 2026-03, amountUsd: 1200, depreciationYears: 1}]
            """).Replace("\ncapex", "\n  capex", StringComparison.Ordinal));

        // When
        MonthlyStatement st = Base(s);

        // Then: cash falls by 1200 in month 2 only; the P&L carries 100 a month for months 2..13
        st.Capex.Sum().ShouldBe(1200, 1e-9);
        st.Capex[2].ShouldBe(1200, 1e-9);
        st.ClosingCash[2].ShouldBe(8800, 1e-9);
        st.ClosingCash[23].ShouldBe(8800, 1e-9);
        st.Depreciation.Sum().ShouldBe(1200, 1e-9);
        st.Depreciation[1].ShouldBe(0);
        st.Depreciation[2].ShouldBe(100, 1e-9);
        st.Depreciation[13].ShouldBe(100, 1e-9);
        st.Depreciation[14].ShouldBe(0);
        st.OperatingIncome[2].ShouldBe(-100, 1e-9);
    }

    [Fact]
    public void Should_GrowUsageAndLowerPriceSmoothly_When_ExampleBaseProjected()
    {
        // Given: the example; the api stream at the base preset (growth at its median 0.08)
        PlanScenario s = TestScenarios.Example();

        // When
        MonthlyStatement st = Base(s);

        // Then: revenue_api(m) = 2e12 × 1.08^m ÷ 1e6 × 2 × 0.7^(m/12)
        for (int m = 0; m < 24; m += 6)
        {
            double expected = 2e12 * Math.Pow(1.08, m) / 1e6 * 2 * Math.Pow(0.7, m / 12.0);
            st.RevenueByStream["api"][m].ShouldBe(expected, expected * 1e-9);
        }

        // The subscription stream grows at the triangular median minus churn: customers × (1 + 0.05 − 0.03)^m × 20.
        st.RevenueByStream["subscriptions"][12].ShouldBe(200_000 * Math.Pow(1.02, 12) * 20, 1e-3);
        // Staff: (400 + 10 m) × 400,000 ÷ 12.
        st.Staff[0].ShouldBe(400 * 400_000 / 12.0, 1e-6);
    }

    [Fact]
    public void Should_IncludeFundingInPresetsOnlyWhenLikely_When_ProbabilityIsAtLeastHalf()
    {
        // Given
        string Scenario(double p) => TestScenarios.ConstantBurn(1000, 10, 12, $"funding: [{{name: f, month: 2026-06, amountUsd: 500, probability: {p.ToString(CultureInfo.InvariantCulture)}}}]");

        // When / Then
        Base(TestScenarios.Read(Scenario(0.5))).Financing[5].ShouldBe(500);
        Base(TestScenarios.Read(Scenario(0.49))).Financing[5].ShouldBe(0);
    }
}
