using Burnrate.Planning.Reporting;
using Burnrate.Planning.Scenario;
using FsCheck.Xunit;

namespace Burnrate.Planning.Tests.Reporting;

public sealed class PlanReportTests
{
    /// <summary>Runs out within the horizon on some paths and not on others (uncertain growth of the only revenue).</summary>
    private static readonly PlanScenario SomePathsRunOut = TestScenarios.Read(TestScenarios.ConstantBurn(3e6, 4e5, 24, """
        revenue:
          - {name: api, kind: usage, tokensPerMonth: 1e10, monthlyGrowth: {dist: normal, mean: 0.08, sd: 0.08}, pricePerMillionTokens: 20}
        """));

    [Property(MaxTest = 20)]
    public bool Should_CarryTheCumulativeCashOutShareOfEveryMonth_When_Reported(ulong seed)
    {
        // Given
        PlanOutcome outcome = PlanOutcome.Compute(SomePathsRunOut, 300, seed, maxDegreeOfParallelism: 1);
        (string, int)[] everyMonth = [.. Enumerable.Range(0, SomePathsRunOut.Months).Select(m => (SomePathsRunOut.MonthLabel(m), m))];

        // When
        PlanReport report = PlanReport.From(outcome, everyMonth, []);

        // Then: one share a month, the engine's, never falling, agreeing with the months asked about and ending at the horizon's odds
        double[] byMonth = report.CashOutProbabilityByMonth;
        return byMonth.Length == report.Months.Count
            && byMonth.SequenceEqual(outcome.MonteCarlo.CashOut.CumulativeByMonth)
            && byMonth.Zip(byMonth.Skip(1)).All(p => p.First <= p.Second)
            && everyMonth.All(m => report.CashOutProbabilityBy[m.Item1] == byMonth[m.Item2])
            && byMonth[^1] == report.CashOutProbability;
    }

    [Fact]
    public void Should_RunOutOnSomePathsOnly_When_UsingTheTestScenario()
    {
        // Given / When
        PlanReport report = PlanReport.From(PlanOutcome.Compute(SomePathsRunOut, 1000, 1), [], []);

        // Then: the property above is not checked on all-or-nothing odds only
        report.CashOutProbability.ShouldBeInRange(0.05, 0.95);
    }
}
