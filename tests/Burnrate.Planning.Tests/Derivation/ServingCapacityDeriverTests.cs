using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Fleet;

namespace Burnrate.Planning.Tests.Derivation;

/// <summary>A fleet's <c>serving: from:</c> resolves its deployment with the same rule as <c>burnrate infer</c> and reports bad input located in the fleet file.</summary>
public sealed class ServingCapacityDeriverTests
{
    private static readonly ServingCapacityDeriver Deriver = new(BurnrateCatalog.Embedded, EfficiencyFactors.Default, "default efficiency factors");

    private static string Fleet(string from) => $$"""
        name: derived
        horizon: {start: 2027-02, months: 1}
        demand: {tokensPerSecond: 5000}
        serving:
          - name: unit
            from: {{from}}
        options: [{name: od, kind: on-demand, usdPerUnitHour: 4}]
        """;

    private static InputException ErrorOf(string from) => Should.Throw<InputException>(() => FleetReader.Read(Fleet(from), "fleet.yaml", Deriver));

    [Fact]
    public void Should_MatchTheInferUseCaseAtTheChosenConcurrency_When_CapacityIsDerived()
    {
        // Given
        var source = new ServingSource("unit", "llama-3.1-8b", "h100-sxm", 2, "fp8", 1000, 200, 1.0, 0.04, "fleet.yaml:6:11");

        // When
        ServingEntry entry = Deriver.Resolve(source);

        // Then: the capacity is what `burnrate infer` reports at the concurrency the derivation names (same resolver, same figures)
        int concurrency = int.Parse(entry.Derivation.Split("at concurrency ")[1].Split(';')[0], CultureInfo.InvariantCulture);
        InferReport infer = InferService.Run(BurnrateCatalog.Embedded, new InferRequest
        {
            Deployment = new DeploymentRequest { Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 2, Weights = "fp8", PriceRequired = false },
            InputTokens = 1000,
            OutputTokens = 200,
            Concurrency = concurrency,
        });
        infer.Tp.ShouldBe(2);
        infer.TtftSeconds!.Value.ShouldBeLessThanOrEqualTo(1.0);
        entry.CapacityTokensPerSecond.ShouldBe(infer.RequestsPerSecond!.Value * 1200, 1e-9 * entry.CapacityTokensPerSecond);
        entry.Derivation.ShouldStartWith("burnrate infer llama-3.1-8b --gpu h100-sxm --gpus 2 --weights fp8 --input 1000 --output 200");
    }

    [Fact]
    public void Should_LocateTheFromEntryAndListTheServingPrecisions_When_WeightsAreNotAllowed()
    {
        // When
        InputException e = ErrorOf("{model: llama-3.1-8b, gpu: h100-sxm, weights: fp3, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}");

        // Then: the same field error as `burnrate infer --weights fp3`, at the from: mapping
        e.Location.ShouldBe(new SourceLocation("fleet.yaml", 6, 11));
        e.Message.ShouldBe("fleet.yaml:6:11: serving.from: weights 'fp3' is not allowed; expected one of bf16, fp16, fp8, int8, int4, fp4");
    }

    [Fact]
    public void Should_SuggestTheNearestIds_When_TheModelIdIsUnknown()
    {
        // When
        InputException e = ErrorOf("{model: llama-3.1-8c, gpu: h100-sxm, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}");

        // Then
        e.Message.ShouldStartWith("fleet.yaml:6:11: serving.from: unknown model 'llama-3.1-8c'");
        e.Message.ShouldContain("did you mean llama-3.1-8b");
    }

    [Fact]
    public void Should_ApplyTheRequestsRange_When_TheGpusAreTooMany()
    {
        // When: more devices than any deployment request allows
        InputException e = ErrorOf("{model: llama-3.1-8b, gpu: h100-sxm, gpus: 2000000, input: 1000, output: 200, sloTtft: 1s, sloTpot: 40ms}");

        // Then: the deployment request's own range check, located
        e.Message.ShouldStartWith("fleet.yaml:6:11: serving.from: gpus '2000000' is not allowed; expected ");
    }

    [Fact]
    public void Should_SayNoConcurrencyMeetsTheSlo_When_TheSloIsTooTight()
    {
        // When: 1 µs to the first token is out of reach
        InputException e = ErrorOf("{model: llama-3.1-8b, gpu: h100-sxm, input: 1000, output: 200, sloTtft: 1us, sloTpot: 40ms}");

        // Then
        e.Message.ShouldBe("fleet.yaml:6:11: serving.from: llama-3.1-8b on 1×h100-sxm at bf16 meets TTFT ≤ 1 µs and TPOT ≤ 40 ms at no concurrency (or does not fit); loosen the SLO or add gpus");
    }

    [Fact]
    public void Should_DeriveWithoutAPrice_When_TheAcceleratorHasNoCatalogPriceOrTdp()
    {
        // Given: the fleet's options price the unit, so a catalog accelerator without a cloud price or TDP still has a capacity
        var source = new ServingSource("unit", "llama-3.1-8b", "tpu-v5p", 1, null, 1000, 200, 2.0, 0.1, "fleet.yaml:6:11");

        // When
        ServingEntry entry = Deriver.Resolve(source);

        // Then
        entry.CapacityTokensPerSecond.ShouldBeGreaterThan(0);
    }
}
