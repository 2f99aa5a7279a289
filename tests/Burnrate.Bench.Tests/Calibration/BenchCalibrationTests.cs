using Burnrate.Bench.Calibration;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Simulation;
using Burnrate.Catalog;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;

namespace Burnrate.Bench.Tests.Calibration;

public sealed class BenchCalibrationTests
{
    private static LevelResult Level(int? concurrency, double ttft, double itl, int completed = 4) => new()
    {
        Concurrency = concurrency, Rate = concurrency is null ? 2 : null, Completed = completed, InputTokens = completed * 300L, OutputTokens = completed * 50L,
        TtftSeconds = new LatencySummary { P50 = ttft }, ItlSeconds = new LatencySummary { P50 = itl },
    };

    [Fact]
    public void Should_TakeTtftFromTheLowestConcurrencyOnlyAndItlFromEveryLevel_When_MappingASummary()
    {
        // Given: levels out of order, a rate level and an empty level
        var result = new BenchResult { Levels = [Level(8, 0.5, 0.02), Level(null, 0.1, 0.01), Level(1, 0.1, 0.015), Level(32, 0.9, 0.03, completed: 0)] };

        // When
        IReadOnlyList<CalibrationPoint> points = BenchCalibration.Points(result);

        // Then
        points.Select(p => p.Concurrency).ShouldBe([1, 8]);
        points[0].Ttft.ShouldBe(Duration.FromSeconds(0.1));
        points[1].Ttft.ShouldBeNull();
        points.Select(p => p.DecodeStep!.Value.Seconds).ShouldBe([0.015, 0.02]);
        points.ShouldAllBe(p => p.InputTokens == 300 && p.OutputTokens == 50);
    }

    [Fact]
    public void Should_FitNoNegativeOrZeroLatency_When_ASummaryHoldsOne()
    {
        // Given: a TTFT below zero (a clock step, a hand-edited file) at the lowest level, a zero ITL at the next (issue 11)
        var result = new BenchResult { Levels = [Level(1, -0.2, 0.015), Level(8, 0.5, 0)] };

        // When
        IReadOnlyList<CalibrationPoint> points = BenchCalibration.Points(result);

        // Then: neither is a measurement the fit uses
        points[0].Ttft.ShouldBeNull();
        points[0].DecodeStep.ShouldBe(Duration.FromSeconds(0.015));
        points[1].DecodeStep.ShouldBeNull();
    }

    [Fact]
    public void Should_Refuse_When_EveryLatencyIsNegative()
    {
        var result = new BenchResult { Levels = [Level(1, -0.2, -0.01)] };
        Should.Throw<InvalidDataException>(() => BenchCalibration.Points(result)).Message.ShouldContain("no level has a measured TTFT or inter-token latency");
    }

    [Fact]
    public void Should_Refuse_When_TheRunIsNotStreaming()
    {
        Should.Throw<InvalidDataException>(() => BenchCalibration.Points(new BenchResult { Stream = false, Levels = [Level(1, 0.1, 0.01)] })).Message.ShouldContain("non-streaming");
    }

    [Fact]
    public void Should_TimeDecodeAtTheMeanContext_When_CostModelDrivesTheSimulator()
    {
        // Given
        var d = new InferenceDeployment { Accelerator = BurnrateCatalog.Embedded.Accelerator("h100-sxm"), Devices = 1, Weights = Precision.Bf16, PricePerDeviceHour = new UsdPerGpuHour(2), DevicePower = new Watts(700) };
        var timer = new StepTimer(BurnrateCatalog.Embedded.Model("llama-3.1-8b"), d, EfficiencyFactors.Default);

        // When
        StepModel steps = CostModelSteps.Create(timer, "test");

        // Then
        steps.PrefillSeconds(512).ShouldBe(timer.Prefill(512).Seconds);
        steps.DecodeStepSeconds(4, 4000).ShouldBe(timer.DecodeStep(4, 4000).Seconds);
        steps.DecodeStepSeconds(4, 8000).ShouldBeGreaterThan(steps.DecodeStepSeconds(4, 4000));
        steps.DecodeStepSeconds(8, 8000).ShouldBeGreaterThan(steps.DecodeStepSeconds(4, 4000));
        steps.Description.ShouldStartWith("cost model: test");
    }
}
