using Burnrate.Catalog;
using Burnrate.Core.Validation;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Tests.Derivation;

public sealed class CostModelDeriverTests
{
    private static readonly InferenceCostSource Serving = new("llama-3.1-70b", "h100-sxm", 4, "fp8", 1500, 300, 64, 2.95, "t.yaml:1:1");

    [Fact]
    public void Should_SpreadRequestCostOverAllTokens_When_InferenceCostDerived()
    {
        // Given
        var deriver = new CostModelDeriver(BurnrateCatalog.Embedded);

        // When
        double perMillion = deriver.DeriveInferenceCostPerMillionTokens(Serving).Value;

        // Then: by hand, 4 devices × $2.95/h = $11.80/h; the blended price must equal that hourly cost over the tokens
        // (input + output) the deployment moves per hour, which is requests/s × 1,800 tokens.
        var hourly = 4 * 2.95;
        perMillion.ShouldBeGreaterThan(0);
        double tokensPerHour = hourly / perMillion * 1e6;
        (tokensPerHour / 1800 / 3600).ShouldBeGreaterThan(1, "a 4×H100 FP8 70B deployment serves more than one request per second at concurrency 64");
        deriver.Derivations.ShouldHaveSingleItem().Name.ShouldBe("costs.inference.from");
    }

    [Fact]
    public void Should_CostMore_When_GpuHourPriceDoubles()
    {
        var deriver = new CostModelDeriver(BurnrateCatalog.Embedded);
        double cheap = deriver.DeriveInferenceCostPerMillionTokens(Serving).Value;
        double dear = deriver.DeriveInferenceCostPerMillionTokens(Serving with { GpuHourUsd = 5.90 }).Value;
        (dear / cheap).ShouldBe(2, 1e-9);
    }

    [Fact]
    public void Should_PriceGpuHoursOfSixNT_When_TrainingCostDerived()
    {
        // Given 8B parameters × 1e12 tokens: 6·N·T ≈ 4.8e22 FLOP (plus attention) at 40% of 989.4 TFLOP/s
        var deriver = new CostModelDeriver(BurnrateCatalog.Embedded);
        var source = new TrainingCostSource("llama-3.1-8b", 1e12, "h100-sxm", 64, 0.4, 2.0, "t.yaml:1:1");

        // When
        double cost = deriver.DeriveTrainingCostUsd(source).Value;

        // Then: GPU-hours ≥ 6·N·T ÷ (peak × MFU) ÷ 3600 with N the compute parameters (7.5B) — attention only adds
        double floorGpuHours = 6 * 7.5e9 * 1e12 / (989.4e12 * 0.4) / 3600;
        cost.ShouldBeGreaterThan(floorGpuHours * 2.0);
        cost.ShouldBeLessThan(floorGpuHours * 2.0 * 1.2);
    }

    [Fact]
    public void Should_ExplainShortfall_When_ModelDoesNotFit()
    {
        var deriver = new CostModelDeriver(BurnrateCatalog.Embedded);
        var source = new InferenceCostSource("deepseek-v3", "l4", 1, null, 1000, 100, 1, null, "t.yaml:1:1");

        InputException e = Should.Throw<InputException>(() => deriver.DeriveInferenceCostPerMillionTokens(source));

        e.Message.ShouldStartWith("deepseek-v3 does not fit on 1×l4");
        e.Message.ShouldContain("short by");
    }

    [Fact]
    public void Should_RunWholeChain_When_ApiStartupExampleRead()
    {
        string path = TestScenarios.RepoFile("examples/api-startup.yaml");
        var deriver = new CostModelDeriver(BurnrateCatalog.Embedded);

        PlanScenario scenario = ScenarioReader.ReadFile(path, deriver);

        scenario.ShouldNotBeNull();
        deriver.Derivations.Select(d => d.Name).ShouldBe(["costs.inference.from", "costs.training.from"]);
    }
}
