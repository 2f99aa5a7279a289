using Burnrate.Core.Hardware;
using Burnrate.Core.Training;
using static Burnrate.Core.Tests.Training.TrainingFixtures;

namespace Burnrate.Core.Tests.Training;

public sealed class MfuBasisTests
{
    [Fact]
    public void Should_StateMfuAgainstTheBf16Peak_When_TrainingInFp8()
    {
        // Issue 15: the default MFU used to multiply the FP8 peak, halving FP8 GPU-hours; published FP8 runs state MFU against BF16.
        TrainingRun bf16 = Run(Gpt3, 300e9, 1024) with { Precision = Precision.Bf16 };
        TrainingEstimate b = TrainingEstimator.Estimate(bf16);
        TrainingEstimate f = TrainingEstimator.Estimate(bf16 with { Precision = Precision.Fp8 });

        f.PeakPerDevice.Value.ShouldBe(989.4e12, 1e6);
        f.GpuHours.Value.ShouldBe(b.GpuHours.Value, b.GpuHours.Value * 1e-12);
        f.Assumptions.ShouldContain(a => a.Name == "mfu-basis" && a.Value.Contains("bf16", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_UseThePeakTheUserNames_When_MfuBasisIsSet()
    {
        TrainingRun run = Run(Gpt3, 300e9, 1024) with { Precision = Precision.Fp8, MfuBasis = Precision.Fp8 };
        TrainingEstimate f = TrainingEstimator.Estimate(run);
        TrainingEstimate b = TrainingEstimator.Estimate(run with { MfuBasis = null });

        f.PeakPerDevice.Value.ShouldBe(1978.9e12, 1e6);
        (b.GpuHours.Value / f.GpuHours.Value).ShouldBe(1978.9 / 989.4, 1e-9);
        TrainingEstimator.DevicesForDeadline(run, Burnrate.Core.Quantities.Duration.FromDays(30)).ShouldBeLessThan(TrainingEstimator.DevicesForDeadline(run with { MfuBasis = null }, Burnrate.Core.Quantities.Duration.FromDays(30)));
    }

    [Fact]
    public void Should_RejectABasisTheChipLacks_When_Validating() =>
        (Run(Gpt3, 300e9, 1024) with { MfuBasis = Precision.Fp4 }).Validate().ShouldNotBeNull().ShouldContain("fp4");
}
