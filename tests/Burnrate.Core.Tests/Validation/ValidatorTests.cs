using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Tests.Inference;
using Burnrate.Core.Validation;

namespace Burnrate.Core.Tests.Validation;

public sealed class ValidatorTests
{
    private static ValidationCase Decode(string id, string group, double measured) => new()
    {
        Id = id,
        Group = group,
        Metric = ValidationMetric.DecodeTokensPerSecond,
        Measured = measured,
        Source = "test",
        Date = new DateOnly(2024, 1, 1),
        Model = InferenceFixtures.Llama8B,
        Deployment = new InferenceDeployment { Accelerator = InferenceFixtures.H100, Devices = 1, Weights = Precision.Bf16, PricePerDeviceHour = new UsdPerGpuHour(0), DevicePower = new Watts(700) },
        Workload = new InferenceWorkload(5, 200, 1),
    };

    [Fact]
    public void Should_PredictOneOverTpot_When_TheMetricIsBatchOneDecode()
    {
        // Given
        ValidationCase c = Decode("a", "g", 100);

        // When
        double predicted = Validator.Predict(c, EfficiencyFactors.Default);

        // Then
        InferenceResult r = InferenceEstimator.Estimate(c.Model!, c.Deployment!, c.Workload!.Value, EfficiencyFactors.Default);
        predicted.ShouldBe(1 / r.Tpot.Seconds, 1e-9);
    }

    [Fact]
    public void Should_SignErrorsPositive_When_TheModelSaysMore()
    {
        // Given: the same setup measured at half and at twice the model's value
        double model = Validator.Predict(Decode("x", "g", 1), EfficiencyFactors.Default);

        // When
        ValidationReport report = Validator.Run([Decode("slow", "g", model / 2), Decode("fast", "g", model * 2)], EfficiencyFactors.Default);

        // Then
        report.Outcomes[0].ErrorPercent.ShouldBe(100, 1e-9);
        report.Outcomes[1].ErrorPercent.ShouldBe(-50, 1e-9);
        report.Groups.ShouldHaveSingleItem().WorstId.ShouldBe("slow");
        report.Groups[0].MedianAbsErrorPercent.ShouldBe(75, 1e-9);
    }

    [Fact]
    public void Should_SummarizeEachGroup_When_CasesSpanGroups()
    {
        // Given
        double model = Validator.Predict(Decode("x", "g", 1), EfficiencyFactors.Default);
        ValidationCase[] cases = [Decode("b1", "b", model), Decode("a1", "a", model * 1.25), Decode("a2", "a", model), Decode("a3", "a", model / 1.1)];

        // When
        ValidationReport report = Validator.Run(cases, EfficiencyFactors.Default);

        // Then: groups by name; the median of |−20%|, |0%|, |+10%| is 10%
        report.Groups.Select(g => (g.Name, g.Count)).ShouldBe([("a", 3), ("b", 1)]);
        report.Groups[0].MedianAbsErrorPercent.ShouldBe(10, 1e-9);
        report.Groups[0].WorstId.ShouldBe("a1");
        report.Groups[1].MedianAbsErrorPercent.ShouldBe(0, 1e-9);
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void Should_ReturnTheMiddle_When_TakingAMedian(double[] values, double median) =>
        Validator.Median(values).ShouldBe(median);

    [Fact]
    public void Should_Throw_When_ACaseHasNoSetup()
    {
        var c = new ValidationCase { Id = "empty", Group = "g", Metric = ValidationMetric.TtftMs, Measured = 1, Source = "s", Date = new DateOnly(2024, 1, 1) };
        Should.Throw<ArgumentException>(() => Validator.Predict(c, EfficiencyFactors.Default)).Message.ShouldContain("empty");
    }
}
