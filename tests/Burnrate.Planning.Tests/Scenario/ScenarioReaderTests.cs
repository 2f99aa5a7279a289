using Burnrate.Core.Validation;
using Burnrate.Core.Quantities;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Tests.Scenario;

public sealed class ScenarioReaderTests
{
    private const string Header = "name: t\nstart: 2026-01\nmonths: 12\ncash: 1e6\n";

    private static string ErrorOf(string yaml) => Should.Throw<InputException>(() => TestScenarios.Read(yaml)).Message;

    [Fact]
    public void Should_ReadEveryDriverOfTheIssueExample_When_ExampleFileRead()
    {
        // Given / When
        PlanScenario s = TestScenarios.Example();

        // Then
        s.Name.ShouldBe("Example AI API company");
        s.Months.ShouldBe(60);
        s.Start.ShouldBe(new DateOnly(2026, 1, 1));
        s.Drivers[s.Cash].Value.ShouldBe(500e6);
        s.Revenue.Select(r => r.Kind).ShouldBe([RevenueKind.Usage, RevenueKind.Subscription]);
        s.Drivers.Where(d => d.IsUncertain).Select(d => d.Path).ShouldBe(["revenue.api.monthlyGrowth", "revenue.subscriptions.monthlyGrowth"]);
        s.Training.Single().Month.ShouldBe(6);
        s.Capex.Single().Month.ShouldBe(3);
        s.Funding.Single().Month.ShouldBe(12);
        s.Drivers[s.Funding[0].Extra].Value.ShouldBe(0.7);
        s.Triggers.Select(t => t.Name).ShouldBe(["emergency-raise", "cost-cut"]);
        s.Presets.Select(p => p.Key).ShouldBe(["best", "base", "worst"]);
        s.Correlations.Single().Rho.ShouldBe(0.6);
    }

    [Fact]
    public void Should_ReadBothPlanningExamples_When_ExamplesRead()
    {
        foreach (string file in new[] { "examples/frontier-lab.yaml", "examples/api-startup.yaml" })
        {
            // api-startup derives its costs with from:, so read with the real cost model.
            PlanScenario s = ScenarioReader.ReadFile(TestScenarios.RepoFile(file), new Burnrate.Planning.Derivation.CostModelDeriver(Burnrate.Catalog.BurnrateCatalog.Embedded));
            s.Months.ShouldBeGreaterThan(0, file);
        }
    }

    [Fact]
    public void Should_SuggestNearestPath_When_PresetNamesUnknownDriver()
    {
        // Given
        string yaml = Header + "revenue: [{name: api, kind: usage, tokensPerMonth: 1e9, pricePerMillionTokens: 1}]\npresets:\n  best: {revenue.api.monthlyGrowht: 0.1}\n";

        // When
        string message = ErrorOf(yaml);

        // Then
        message.ShouldStartWith("test.yaml:7:10: unknown driver path 'revenue.api.monthlyGrowht' in preset 'best'; did you mean ");
        message.ShouldContain("revenue.api.monthlyGrowth");
    }

    [Fact]
    public void Should_NameTheLocation_When_CorrelationNamesUnknownDriver()
    {
        string message = ErrorOf(Header + "correlations:\n  - [cashh, cash, 0.5]\n");
        message.ShouldStartWith("test.yaml:6:6: unknown driver path 'cashh' in correlations; did you mean cash");
    }

    [Fact]
    public void Should_RejectMatrix_When_CorrelationsAreNotPositiveSemiDefinite()
    {
        // Given: a ≈ b, b ≈ c but a ≈ −c is impossible
        string yaml = Header + """
            revenue:
              - {name: a, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {dist: normal, mean: 0, sd: 1}}
              - {name: b, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {dist: normal, mean: 0, sd: 1}}
              - {name: c, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {dist: normal, mean: 0, sd: 1}}
            correlations:
              - [revenue.a.monthlyGrowth, revenue.b.monthlyGrowth, 0.9]
              - [revenue.b.monthlyGrowth, revenue.c.monthlyGrowth, 0.9]
              - [revenue.a.monthlyGrowth, revenue.c.monthlyGrowth, -0.9]
            """;

        // When
        string message = ErrorOf(yaml);

        // Then
        message.ShouldStartWith("test.yaml:10:3: the correlation matrix is not positive semi-definite (smallest eigenvalue -");
    }

    [Fact]
    public void Should_AcceptPerfectCorrelation_When_MatrixIsSemiDefinite()
    {
        string yaml = Header + """
            revenue:
              - {name: a, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {dist: normal, mean: 0, sd: 1}}
              - {name: b, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {dist: normal, mean: 0, sd: 1}}
            correlations: [[revenue.a.monthlyGrowth, revenue.b.monthlyGrowth, 1]]
            """;
        TestScenarios.Read(yaml).Correlations.Single().Rho.ShouldBe(1);
    }

    [Theory]
    [InlineData("funding: [{name: f, month: 2026-03, amountUsd: 1e6, probability: 1.2}]", "test.yaml:5:66: field 'funding.f.probability' must be a probability in [0, 1], got \"1.2\"")]
    [InlineData("funding: [{name: f, month: 2027-01, amountUsd: 1e6}]", "test.yaml:5:28: field 'month' in funding 'f' must be a month inside the horizon 2026-01..2026-12, got \"2027-01\"")]
    [InlineData("costs: {training: [{name: t, month: 2025-12, costUsd: 1}]}", "test.yaml:5:37: field 'month' in training run 't' must be a month inside the horizon 2026-01..2026-12, got \"2025-12\"")]
    [InlineData("costs: {other: {monthlyUsd: lots}}", "test.yaml:5:29: field 'costs.other.monthlyUsd' must be a number in [0, 1e18], got \"lots\"")]
    [InlineData("costs: {other: {monthlyUSD: 5}}", "test.yaml:5:17: unknown field 'monthlyUSD' in costs.other (allowed: monthlyUsd); did you mean monthlyUsd?")]
    [InlineData("revenue: [{name: a, kind: usage, tokensPerMonth: {dist: gamma, k: 1}, pricePerMillionTokens: 1}]", "test.yaml:5:57: field 'revenue.a.tokensPerMonth.dist' must be one of normal, lognormal, triangular, pert, uniform, discrete, got \"gamma\"")]
    [InlineData("revenue: [{name: a, kind: usage, tokensPerMonth: {dist: triangular, min: 3, mode: 1, max: 2}, pricePerMillionTokens: 1}]", "test.yaml:5:50: field 'revenue.a.tokensPerMonth' must have min ≤ mode ≤ max and min < max, got min 3, mode 1, max 2")]
    [InlineData("triggers: [{name: x, when: {runwayMonthsBelow: 6}, action: {closeMonths: 2}}]", "test.yaml:5:60: trigger 'x' action: needs raiseUsd or cutOpexPercent")]
    [InlineData("cost: {}", "test.yaml:5:1: unknown field 'cost' in the scenario")]
    public void Should_FailWithFileLineColumn_When_FieldInvalid(string line, string expected)
    {
        ErrorOf(Header + line + "\n").ShouldStartWith(expected);
    }

    [Fact]
    public void Should_FailWithLocation_When_YamlMalformed()
    {
        ErrorOf(Header + "revenue: [\n").ShouldStartWith("test.yaml:");
    }

    [Fact]
    public void Should_ExplainFromIsNotWired_When_NoCostDeriverGiven()
    {
        string message = ErrorOf(Header + "costs:\n  inference: {from: {model: llama-3.1-8b, gpu: h100-sxm, input: 1000, output: 200}}\n");
        message.ShouldStartWith("test.yaml:6:21: from: needs the cost model (not wired yet)");
    }

    [Fact]
    public void Should_UseDerivedCosts_When_CostDeriverGiven()
    {
        // Given
        string yaml = Header + """
            costs:
              inference: {from: {model: llama-3.1-8b, gpu: h100-sxm, gpus: 2, input: 1000, output: 200, concurrency: 32, gpuHourUsd: 2.5}}
              training: [{name: t, month: 2026-02, from: {model: llama-3.1-8b, tokens: 1e12, gpu: h100-sxm, gpus: 256, mfu: 0.4}}]
            """;
        var deriver = new FakeDeriver();

        // When
        PlanScenario s = ScenarioReader.Read(yaml, "test.yaml", deriver);

        // Then
        s.Drivers[s.InferenceCostPerMillionTokens].Value.ShouldBe(0.25);
        s.Drivers[s.Training[0].Amount].Value.ShouldBe(1234);
        deriver.Inference!.Gpus.ShouldBe(2);
        deriver.Inference.Concurrency.ShouldBe(32);
        deriver.Inference.GpuHourUsd.ShouldBe(2.5);
        deriver.Training!.Tokens.ShouldBe(1e12);
        deriver.Training.Mfu.ShouldBe(0.4);
    }

    private sealed class FakeDeriver : ICostDeriver
    {
        public InferenceCostSource? Inference { get; private set; }

        public TrainingCostSource? Training { get; private set; }

        public UsdPerMillionTokens DeriveInferenceCostPerMillionTokens(InferenceCostSource source)
        {
            Inference = source;
            return new UsdPerMillionTokens(0.25);
        }

        public Usd DeriveTrainingCostUsd(TrainingCostSource source)
        {
            Training = source;
            return new Usd(1234);
        }
    }
}
