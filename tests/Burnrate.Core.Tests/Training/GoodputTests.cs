using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using FsCheck;
using FsCheck.Xunit;

namespace Burnrate.Core.Tests.Training;

/// <summary>Interruptions (goodput) and the recompute-aware default MFU of <see cref="TrainingEstimator"/>.</summary>
public sealed class GoodputTests
{
    [Fact]
    public void Should_LoseTenPercentOfTheWallClock_When_RunOnLlama3sSixteenThousandGpusAtTheDefaults()
    {
        // Given: Llama 3 405B's snapshot (arXiv 2407.21783 §3.3.4): 466 interruptions in 54 days on 16,384 H100s, "higher than
        // 90% effective training time", which the defaults take at 90%.
        TrainingRun run = TrainingFixtures.RawRun(405e9, 15e12, 16_384);

        // When
        TrainingEstimate e = TrainingEstimator.Estimate(run);

        // Then
        (e.RunningTime.Seconds / e.WallClock.Seconds).ShouldBe(0.9, 1e-9);
        e.InterruptionOverhead.ShouldBe(1 / 0.9 - 1, 1e-9);
        TrainingEstimator.DefaultLostPerInterruption.Hours.ShouldBe(0.1 * 54 * 24 / 466, 1e-12);
        (TrainingEstimator.DefaultInterruptionsPerDeviceHour * 16_384 * 0.9 * 54 * 24).ShouldBe(466, 1e-9);
    }

    [Fact]
    public void Should_KeepWallClockEqualToRunningTime_When_InterruptionsAreOff()
    {
        // Given
        TrainingRun run = TrainingFixtures.RawRun(70e9, 1.4e12, 4096) with { InterruptionsPerDeviceHour = 0 };

        // When
        TrainingEstimate e = TrainingEstimator.Estimate(run);

        // Then
        e.WallClock.ShouldBe(e.RunningTime);
        e.InterruptionOverhead.ShouldBe(0);
    }

    [Property(MaxTest = 200)]
    public bool Should_NeverCostFewerGpuHours_When_DevicesOrInterruptionsOrLostTimeGrow(PositiveInt n, PositiveInt m, NonNegativeInt rate, NonNegativeInt minutes)
    {
        // Given
        int fewer = Math.Min(n.Get, m.Get) % 100_000 + 1, more = Math.Max(n.Get, m.Get) % 100_000 + 1;
        (fewer, more) = (Math.Min(fewer, more), Math.Max(fewer, more));
        double lambda = rate.Get % 1000 * 1e-6;
        TrainingRun run = TrainingFixtures.RawRun(7e9, 1e12, fewer) with { InterruptionsPerDeviceHour = lambda, LostPerInterruption = Duration.FromHours(minutes.Get % 600 / 60.0) };

        // When
        TrainingEstimate small = TrainingEstimator.Estimate(run);
        TrainingEstimate wide = TrainingEstimator.Estimate(run with { Devices = more });
        TrainingEstimate flaky = TrainingEstimator.Estimate(run with { InterruptionsPerDeviceHour = lambda + 1e-5 });
        TrainingEstimate slowRestart = TrainingEstimator.Estimate(run with { LostPerInterruption = run.LostPerInterruption + Duration.FromHours(0.5) });

        // Then: more devices, more interruptions or longer restarts never cost fewer device-hours; wall-clock never beats running time
        const double Tolerance = 1 + 1e-12;
        return wide.GpuHours.Value * Tolerance >= small.GpuHours.Value
            && flaky.GpuHours.Value * Tolerance >= small.GpuHours.Value
            && slowRestart.GpuHours.Value * Tolerance >= small.GpuHours.Value
            && small.WallClock.Seconds * Tolerance >= small.RunningTime.Seconds
            && wide.RunningTime.Seconds <= small.RunningTime.Seconds * Tolerance;
    }

    [Fact]
    public void Should_RefuseTheDeadline_When_InterruptionsAloneTakeLonger()
    {
        // Given: at the defaults, GPT-3 on 300B tokens loses F·λ·τ ÷ r ≈ 1.8 h of wall-clock however many devices run it
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 300e9, 1024);
        double floorHours = TrainingEstimator.Estimate(run).RunningTime.Hours * 1024 * run.InterruptionsPerDeviceHour * run.LostPerInterruption.Hours;

        // When
        var e = Should.Throw<Burnrate.Core.Validation.InputException>(() => TrainingEstimator.DevicesForDeadline(run, Duration.FromHours(floorHours * 0.99)));

        // Then
        e.Message.ShouldContain("days");
        e.Message.ShouldContain("interruptions per device-hour");
        TrainingEstimator.DevicesForDeadline(run, Duration.FromHours(floorHours * 2)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_ScaleTheDefaultMfuByHardwareFlops_When_RecomputeIsNotSelective()
    {
        // Given: GPT-3 at 2048 tokens (Korthikanti et al. 2022, arXiv 2205.05198: full recompute repeats the layers' forward pass)
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 300e9, 1024);

        // When
        double selective = TrainingEstimator.DefaultMfuFor(run with { Recompute = RecomputeMode.Selective }).Value;
        double full = TrainingEstimator.DefaultMfuFor(run with { Recompute = RecomputeMode.Full }).Value;
        double none = TrainingEstimator.DefaultMfuFor(run with { Recompute = RecomputeMode.None }).Value;

        // Then: selective is the default's own setting (at TP 1 its compute-only MFU, no tensor-parallel all-reduce); the
        // hardware FLOPs utilization stays the same across modes
        selective.ShouldBe(TrainingCommunication.ComputeMfu, 1e-12);
        none.ShouldBeGreaterThan(selective);
        full.ShouldBeLessThan(selective);
        full.ShouldBe(0.75 * TrainingCommunication.ComputeMfu, 0.01); // about ¾: the layers are ~all of 6·N·T plus attention
        double hfuSelective = TrainingEstimator.Estimate(run with { Mfu = new Fraction(selective) }).Hfu;
        double hfuFull = TrainingEstimator.Estimate(run with { Recompute = RecomputeMode.Full, Mfu = new Fraction(full) }).Hfu;
        hfuFull.ShouldBe(hfuSelective, 1e-12);
    }
}
