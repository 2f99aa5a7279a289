using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

public sealed class EfficiencyFitterTests
{
    /// <summary>Measurements the cost model itself would make with <paramref name="planted"/>: TTFT at the first level, decode steps at all.</summary>
    private static List<CalibrationPoint> Measure(ModelArchitecture model, InferenceDeployment d, EfficiencyFactors planted, int input, int output, params int[] concurrencies) =>
        concurrencies.Select((c, i) =>
        {
            InferenceResult r = InferenceEstimator.Estimate(model, d, new InferenceWorkload(input, output, c), planted);
            return new CalibrationPoint(c, input, output, i == 0 ? r.Ttft : null, r.Tpot);
        }).ToList();

    [Fact]
    public void Should_RecoverPlantedComputeAndBandwidth_When_PrefillIsComputeBoundAndDecodeMemoryBound()
    {
        // Given: a 2,048-token prefill of an 8B model is compute-bound on an H100, a decode step at batch ≤ 32 memory-bound
        var planted = new EfficiencyFactors(0.42, 0.63, 0.7);
        InferenceDeployment d = Deployment(H100, 1);
        List<CalibrationPoint> points = Measure(Llama8B, d, planted, 2048, 256, 1, 8, 32);

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama8B, d, points, EfficiencyFactors.Default);

        // Then
        fit.Efficiency.Compute.ShouldBe(0.42, 0.42 * 0.005);
        fit.Efficiency.Bandwidth.ShouldBe(0.63, 0.63 * 0.005);
        fit.Efficiency.Communication.ShouldBe(EfficiencyFactors.DefaultCommunication);
        (fit.ComputeFitted, fit.BandwidthFitted, fit.CommunicationFitted).ShouldBe((true, true, false));
        fit.RmsLogError.ShouldBeLessThan(0.005);
    }

    [Fact]
    public void Should_FitCommunication_When_TensorParallel()
    {
        // Given: 70B over 4 H100s with a slow interconnect, so the all-reduces weigh in every step
        var planted = new EfficiencyFactors(0.5, 0.75, 0.3);
        InferenceDeployment d = Deployment(H100, 4);
        List<CalibrationPoint> points = Measure(Llama70B, d, planted, 4096, 256, 1, 16, 64, 256);

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama70B, d, points, EfficiencyFactors.Default);

        // Then
        fit.CommunicationFitted.ShouldBeTrue();
        fit.Efficiency.Compute.ShouldBe(0.5, 0.5 * 0.05);
        fit.Efficiency.Bandwidth.ShouldBe(0.75, 0.75 * 0.05);
        fit.Efficiency.Communication.ShouldBe(0.3, 0.3 * 0.05);
        fit.Residuals.ShouldAllBe(r => Math.Abs(r.DecodeStepError!.Value) < 0.01);
    }

    [Fact]
    public void Should_RecoverPlantedInt8AndInt4ReadRates_When_RunsAtSeveralWeightPrecisionsAreFittedTogether()
    {
        // Given: one 8B deployment on an H100 benched three times, with bf16, int8 and int4 weight-only weights (bf16 matmuls)
        var planted = new EfficiencyFactors(0.45, 0.66, 0.7) { Int8WeightRead = 0.81, Int4WeightRead = 0.62 };
        InferenceDeployment bf16 = Deployment(H100, 1), int8 = Deployment(H100, 1, Precision.Int8), int4 = Deployment(H100, 1, Precision.Int4);
        CalibrationSet[] sets =
        [
            new(bf16, Measure(Llama8B, bf16, planted, 2048, 256, 1, 8, 32)),
            new(int8, Measure(Llama8B, int8, planted, 2048, 256, 1, 8)),
            new(int4, Measure(Llama8B, int4, planted, 2048, 256, 1, 8)),
        ];

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama8B, sets, EfficiencyFactors.Default);

        // Then: both rates within 1%, the shared factors as from one run, every time reproduced
        fit.Efficiency.Int8WeightRead.ShouldBe(0.81, 0.81 * 0.01);
        fit.Efficiency.Int4WeightRead.ShouldBe(0.62, 0.62 * 0.01);
        fit.Efficiency.Compute.ShouldBe(0.45, 0.45 * 0.005);
        fit.Efficiency.Bandwidth.ShouldBe(0.66, 0.66 * 0.005);
        (fit.Int8WeightReadFitted, fit.Int4WeightReadFitted).ShouldBe((true, true));
        fit.Residuals.Select(r => r.Weights).ShouldBe([Precision.Bf16, Precision.Bf16, Precision.Bf16, Precision.Int8, Precision.Int8, Precision.Int4, Precision.Int4]);
        fit.RmsLogError.ShouldBeLessThan(0.005);
    }

    [Fact]
    public void Should_KeepTheDefaultReadRate_When_OnlyOneWeightOnlyPrecisionIsMeasured()
    {
        // Given: int8 weight-only alone: its read rate and the bandwidth only ever appear as a product for the weights
        var planted = new EfficiencyFactors(0.45, 0.66, 0.7) { Int8WeightRead = 0.81 };
        InferenceDeployment int8 = Deployment(H100, 1, Precision.Int8);

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama8B, int8, Measure(Llama8B, int8, planted, 2048, 256, 1, 8), EfficiencyFactors.Default);

        // Then: the default is kept and said so; the fit still reproduces this deployment's times through the bandwidth
        fit.Int8WeightReadFitted.ShouldBeFalse();
        fit.Efficiency.Int8WeightRead.ShouldBe(EfficiencyFactors.DefaultInt8WeightRead);
        fit.Residuals.ShouldAllBe(r => Math.Abs(r.DecodeStepError ?? 0) < 0.02);
    }

    [Fact]
    public void Should_KeepStartingCompute_When_NoStepIsComputeBound()
    {
        // Given: only decode steps at batch 1, which read weights and never saturate compute
        InferenceDeployment d = Deployment(H100, 1);
        var points = new List<CalibrationPoint> { new(1, 128, 128, null, InferenceEstimator.Estimate(Llama8B, d, new(128, 128, 1), new EfficiencyFactors(0.5, 0.6, 0.7)).Tpot) };

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama8B, d, points, EfficiencyFactors.Default);

        // Then
        fit.ComputeFitted.ShouldBeFalse();
        fit.Efficiency.Compute.ShouldBe(EfficiencyFactors.DefaultCompute);
        fit.Efficiency.Bandwidth.ShouldBe(0.6, 0.6 * 0.005);
    }

    [Fact]
    public void Should_Throw_When_NoLevelCarriesAMeasurement()
    {
        Should.Throw<ArgumentException>(() => EfficiencyFitter.Fit(Llama8B, Deployment(H100, 1), [new CalibrationPoint(1, 128, 128, null, null)], EfficiencyFactors.Default));
    }

    [Fact]
    public void Should_ReachTheComputeBoundSide_When_TheFirstSearchStopsOnTheMemoryBoundPlateau()
    {
        // Given: a 2-token prefill barely compute-bound (25.6 ms against a 25.1 ms weight read): the coarse grid lands where TTFT
        // is memory-bound and flat in compute, and the true minimum sits in a basin 0.03 wide in ln(compute) (CI, 2026-12-03)
        var planted = new EfficiencyFactors(0.01 + (4 / 101.0), 0.01 + (17 / 101.0), 0.7);
        InferenceDeployment d = Deployment(H100, 1);
        List<CalibrationPoint> points = Measure(Llama8B, d, planted, 2, 64, 1, 2);

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama8B, d, points, EfficiencyFactors.Default);

        // Then
        fit.Efficiency.Compute.ShouldBe(planted.Compute, planted.Compute * 0.001);
        fit.Efficiency.Bandwidth.ShouldBe(planted.Bandwidth, planted.Bandwidth * 0.001);
        fit.RmsLogError.ShouldBeLessThan(1e-6);
    }

    [Property(MaxTest = 300)]
    public Property Should_ReproduceEveryMeasuredTime_When_MeasurementsComeFromTheModel(PositiveInt compute, PositiveInt bandwidth, PositiveInt input, PositiveInt concurrency)
    {
        // Given: any planted factors in [0.01, 1]; whichever the data determine, the fit must reproduce the measured times
        var planted = new EfficiencyFactors(0.01 + ((compute.Get % 100) / 101.0), 0.01 + ((bandwidth.Get % 100) / 101.0), 0.7);
        InferenceDeployment d = Deployment(H100, 1);
        List<CalibrationPoint> points = Measure(Llama8B, d, planted, 1 + (input.Get % 8000), 64, 1, 1 + (concurrency.Get % 256));

        // When
        CalibrationFit fit = EfficiencyFitter.Fit(Llama8B, d, points, EfficiencyFactors.Default);

        // Then
        return fit.Residuals.All(r => Math.Abs(r.TtftError ?? 0) < 0.005 && Math.Abs(r.DecodeStepError ?? 0) < 0.005).ToProperty();
    }

    [Fact]
    public void Should_MatchTheEstimator_When_TimerTimesOneRequest()
    {
        // Given
        InferenceDeployment d = Deployment(H100, 2);
        var e = new EfficiencyFactors(0.4, 0.6, 0.5);
        InferenceResult r = InferenceEstimator.Estimate(Llama8B, d, new InferenceWorkload(1000, 200, 4), e);
        InferenceResult alone = InferenceEstimator.Estimate(Llama8B, d, new InferenceWorkload(1000, 200, 1), e);
        var timer = new StepTimer(Llama8B, d, e);

        // When
        Duration prefill = timer.Prefill(1000);
        Duration step = timer.DecodeStep(4, 4 * 1100);

        // Then: the estimator's TTFT of a request alone is the prefill (with others decoding it also waits and shares a step,
        // issue 15) and its TPOT a step at context input + output ÷ 2
        prefill.Seconds.ShouldBe(alone.Ttft.Seconds, alone.Ttft.Seconds * 1e-12);
        r.Ttft.Seconds.ShouldBeGreaterThan(prefill.Seconds);
        step.Seconds.ShouldBe(r.Tpot.Seconds, r.Tpot.Seconds * 1e-12);
    }
}
