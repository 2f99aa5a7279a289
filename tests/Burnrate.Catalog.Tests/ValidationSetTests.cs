using Burnrate.Core.Training;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests;

public sealed class ValidationSetTests
{
    private const string OneCase = """
        group: decode-batch1
        cases:
          - {id: a, model: llama-3.1-8b, accelerator: h100-sxm, devices: 1, weights: bf16, input: 5, output: 200, concurrency: 1, metric: decodeTokensPerSecond, measured: 150, source: "s", date: 2024-01-01}
        """;

    [Fact]
    public void Should_HoldAtLeastSixtySourcedCases_When_LoadingTheEmbeddedSet()
    {
        // When
        IReadOnlyList<ValidationCase> cases = ValidationSet.Embedded(BurnrateCatalog.Embedded);

        // Then
        cases.Count.ShouldBeGreaterThanOrEqualTo(60);
        cases.Select(c => c.Id).ShouldBeUnique();
        cases.Select(c => c.Group).Distinct().Order().ShouldBe(["decode-batch1", "throughput", "training", "ttft"]);
        cases.ShouldAllBe(c => c.Source.Length > 10 && c.Date.Year >= 2020 && c.Measured > 0);
        cases.ShouldAllBe(c => c.Run != null || (c.Model != null && c.Deployment != null && c.Workload != null));
    }

    [Fact]
    public void Should_ResolveValidationOnlyModels_When_ACaseNamesOne()
    {
        // When
        IReadOnlyList<ValidationCase> cases = ValidationSet.Embedded(BurnrateCatalog.Embedded);

        // Then: Llama 2 7B comes from validation/models.yaml, not from the product catalog
        ValidationCase c = cases.Single(c => c.Id == "gptfast-llama2-7b-int4");
        c.Model!.Id.ShouldBe("llama-2-7b");
        c.Deployment!.WeightGroupSize.ShouldBe(32);
        BurnrateCatalog.Embedded.Models.ShouldNotContain(m => m.Id == "llama-2-7b");
    }

    [Fact]
    public void Should_LoadAFolder_When_GivenOne()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("mine.yaml", OneCase);

        // When
        IReadOnlyList<ValidationCase> cases = ValidationSet.FromDirectory(folder.Path, BurnrateCatalog.Embedded);

        // Then
        cases.ShouldHaveSingleItem().Workload!.Value.OutputTokens.ShouldBe(200);
    }

    [Theory]
    [InlineData("accelerator: h100-sxm", "accelerator: h100-sxmm", "mine.yaml:3:", "did you mean h100-sxm")]
    [InlineData("metric: decodeTokensPerSecond", "metric: tokens", "mine.yaml:3:", "must be one of decodeTokensPerSecond")]
    [InlineData("measured: 150", "measured: -1", "mine.yaml:3:", "positive number")]
    [InlineData("input: 5", "inptu: 5", "mine.yaml:3:", "unknown field 'inptu'")]
    [InlineData("devices: 1", "devices: 3, tp: 2", "mine.yaml:3:", "multiple of tp")]
    public void Should_NameFileLineAndField_When_ACaseIsBad(string good, string bad, string location, string message)
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("mine.yaml", OneCase.Replace(good, bad, StringComparison.Ordinal));

        // When
        CatalogException e = Should.Throw<CatalogException>(() => ValidationSet.FromDirectory(folder.Path, BurnrateCatalog.Embedded));

        // Then
        e.Message.ShouldContain(location);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void Should_ChargeATrainingCasesOverlapAndLetValidateOverrideIt_When_TpCommOverlapIsGiven()
    {
        // Given: a TP 4 × PP 4 layout, once as given and once with tpCommOverlap 1
        using var folder = new TempFolder();
        const string Case = "group: training\ncases:\n  - {id: sc, model: llama-3.1-70b, accelerator: a100-80gb, devices: 512, tp: 4, pp: 4, precision: bf16, tokens: 1.0e12, seqLen: 8192, metric: gpuHours, measured: 320256, source: s, date: 2023-05-09}\n";
        folder.Write("train.yaml", Case);
        TrainingRun charged = ValidationSet.FromDirectory(folder.Path, BurnrateCatalog.Embedded).Single().Run!;
        folder.Write("train.yaml", Case.Replace("tp: 4,", "tp: 4, tpCommOverlap: 1,", StringComparison.Ordinal));
        TrainingRun hidden = ValidationSet.FromDirectory(folder.Path, BurnrateCatalog.Embedded).Single().Run!;

        // When
        TrainingRun overridden = ValidationSet.WithTensorParallelOverlap([new ValidationCase { Id = "x", Group = "training", Metric = ValidationMetric.GpuHours, Measured = 1, Source = "s", Date = new DateOnly(2023, 5, 9), Run = charged }], 1).Single().Run!;

        // Then: the exposed all-reduces lower the default MFU; hidden ones leave the compute-only MFU
        TrainingCommunication.ExposedShare(charged).ShouldBeGreaterThan(0);
        charged.Mfu.Value.ShouldBeLessThan(TrainingCommunication.ComputeMfu);
        hidden.Mfu.Value.ShouldBe(TrainingCommunication.ComputeMfu, 1e-12);
        overridden.Mfu.Value.ShouldBe(TrainingCommunication.ComputeMfu, 1e-12);
    }

    [Fact]
    public void Should_RejectAnOverlapAboveOne_When_ACaseGivesIt()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("train.yaml", "group: training\ncases:\n  - {id: sc, params: 15e9, accelerator: a100-80gb, devices: 16, tp: 4, tpCommOverlap: 1.5, precision: bf16, tokens: 1.0e12, seqLen: 8192, metric: gpuHours, measured: 1, source: s, date: 2023-05-09}\n");

        // When
        CatalogException e = Should.Throw<CatalogException>(() => ValidationSet.FromDirectory(folder.Path, BurnrateCatalog.Embedded));

        // Then
        e.Message.ShouldContain("train.yaml:3:");
        e.Message.ShouldContain("field 'tpCommOverlap' must be a number in [0, 1]");
    }

    [Fact]
    public void Should_RejectADuplicateId_When_TwoFilesShareIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", OneCase);
        folder.Write("b.yaml", OneCase);
        Should.Throw<CatalogException>(() => ValidationSet.FromDirectory(folder.Path, BurnrateCatalog.Embedded)).Message.ShouldContain("duplicate case id 'a'");
    }
}
