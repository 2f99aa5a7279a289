using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using FsCheck;
using FsCheck.Xunit;

namespace Burnrate.Core.Tests.Training;

public sealed class TrainingEstimatorTests
{
    [Property(MaxTest = 200)]
    public bool Should_NeverCostLess_When_TokensIncrease(PositiveInt a, PositiveInt b)
    {
        // Given: two token counts between 1e6 and ~2e15
        double fewer = Math.Min(a.Get, b.Get) * 1e6;
        double more = Math.Max(a.Get, b.Get) * 1e6;

        // When
        TrainingEstimate small = TrainingEstimator.Estimate(TrainingFixtures.Run(TrainingFixtures.Gpt3, fewer, 1024));
        TrainingEstimate large = TrainingEstimator.Estimate(TrainingFixtures.Run(TrainingFixtures.Gpt3, more, 1024));

        // Then
        return large.Cost >= small.Cost && large.GpuHours >= small.GpuHours && large.Energy >= small.Energy
            && large.WallClock >= small.WallClock && large.Emissions.Kilograms >= small.Emissions.Kilograms;
    }

    [Property(MaxTest = 200)]
    public bool Should_HalveRunningTimeAndKeepGpuHours_When_DevicesDoubleAtFixedMfuWithoutInterruptions(PositiveInt n, PositiveInt t)
    {
        // Given
        int devices = 8 * (1 + (n.Get % 512));
        double tokens = (1 + (t.Get % 10_000)) * 1e9;
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, tokens, devices) with { TensorParallel = 8, InterruptionsPerDeviceHour = 0 };

        // When
        TrainingEstimate once = TrainingEstimator.Estimate(run);
        TrainingEstimate twice = TrainingEstimator.Estimate(run with { Devices = 2 * devices });

        // Then
        return Math.Abs((twice.RunningTime.Seconds * 2 / once.RunningTime.Seconds) - 1) < 1e-12
            && Math.Abs((twice.WallClock.Seconds * 2 / once.WallClock.Seconds) - 1) < 1e-12
            && Math.Abs((twice.GpuHours.Value / once.GpuHours.Value) - 1) < 1e-12
            && Math.Abs((twice.Cost.Value / once.Cost.Value) - 1) < 1e-12;
    }

    [Fact]
    public void Should_MatchHandComputedTimeEnergyCostAndEmissions_When_Estimated()
    {
        // Given: 1024 H100s at 40% MFU, 700 W, PUE 1.2, $2.5/GPU-h, 0.4 kg/kWh
        TrainingRun run = TrainingFixtures.RawRun(70e9, 1.4e12, 1024);

        // When
        TrainingEstimate e = TrainingEstimator.Estimate(run);

        // Then
        double running = 6 * 70e9 * 1.4e12 / (1024 * 989.4e12 * 0.4);
        double seconds = running * (1 + (TrainingEstimator.DefaultInterruptionsPerDeviceHour * 1024 * TrainingEstimator.DefaultLostPerInterruption.Hours));
        e.RunningTime.Seconds.ShouldBe(running, running * 1e-12);
        e.WallClock.Seconds.ShouldBe(seconds, seconds * 1e-12);
        e.GpuHours.Value.ShouldBe(1024 * seconds / 3600, 1e-6);
        e.Energy.KWh.ShouldBe(1024 * 0.7 * 1.2 * seconds / 3600, 1e-6);
        e.Cost.Value.ShouldBe(1024 * seconds / 3600 * 2.5, 1e-6);
        e.Emissions.Tonnes.ShouldBe(1024 * 0.7 * 1.2 * seconds / 3600 * 0.4 / 1000, 1e-9);
        e.Hfu.ShouldBe(0.4, 1e-12); // no architecture: no attention to recompute
    }

    [Property(MaxTest = 200)]
    public bool Should_FinishWithinDeadlineWithFewestDevices_When_DaysGiven(PositiveInt d, PositiveInt t)
    {
        // Given
        double days = 1 + (d.Get % 365);
        double tokens = (1 + (t.Get % 20_000)) * 1e9;
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, tokens, 64) with { TensorParallel = 8, PipelineParallel = 2 };

        // When: below the floor interruptions put on the wall-clock (F·λ·τ ÷ r), no device count meets the deadline
        double floorDays = TrainingEstimator.Estimate(run).RunningTime.Days * run.Devices * run.InterruptionsPerDeviceHour * run.LostPerInterruption.Hours;
        if (days <= floorDays)
        {
            return Record.Exception(() => TrainingEstimator.DevicesForDeadline(run, Duration.FromDays(days))) is Burnrate.Core.Validation.InputException;
        }

        int devices = TrainingEstimator.DevicesForDeadline(run, Duration.FromDays(days));
        TrainingEstimate e = TrainingEstimator.Estimate(run with { Devices = devices });

        // Then: a multiple of tp·pp = 16, within the deadline, and 16 fewer would miss it (unless already the minimum)
        bool fewerMisses = devices == 16 || TrainingEstimator.Estimate(run with { Devices = devices - 16 }).WallClock.Days > days;
        return devices % 16 == 0 && e.WallClock.Days <= days * (1 + 1e-12) && fewerMisses;
    }

    [Theory]
    [InlineData(0, 0.4, 8, 1, "tokens")]
    [InlineData(-5, 0.4, 8, 1, "tokens")]
    [InlineData(1e9, 0, 8, 1, "mfu")]
    [InlineData(1e9, 0.4, 12, 8, "not a multiple of tp·pp·ep")]
    [InlineData(1e9, 0.4, 40, 5, "must divide the 96 attention heads")]
    public void Should_NameTheBadInput_When_RunInvalid(double tokens, double mfu, int devices, int tp, string expected)
    {
        // Given
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 1e9, devices) with
        {
            Tokens = new Tokens(tokens),
            Mfu = new Fraction(mfu),
            TensorParallel = tp,
        };

        // When
        string? problem = run.Validate();

        // Then
        problem.ShouldNotBeNull().ShouldContain(expected);
        Should.Throw<ArgumentException>(() => TrainingEstimator.Estimate(run));
    }
}
