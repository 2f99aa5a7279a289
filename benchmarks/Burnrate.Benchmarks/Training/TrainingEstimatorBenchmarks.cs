using BenchmarkDotNet.Attributes;
using Burnrate.Catalog;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;

namespace Burnrate.Benchmarks.Training;

/// <summary>The training estimator: one full estimate (which includes the least-memory layout search) against FLOPs alone.</summary>
[MemoryDiagnoser]
public class TrainingEstimatorBenchmarks
{
    private TrainingRun _run = null!;

    [Params(1024, 16384)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ModelArchitecture model = BurnrateCatalog.Embedded.Model("deepseek-v3");
        _run = new TrainingRun
        {
            Parameters = TrainingRun.ForArchitecture(model),
            Architecture = model,
            Tokens = new Tokens(14.8e12),
            SequenceLength = 4096,
            Accelerator = BurnrateCatalog.Embedded.Accelerator("h100-sxm"),
            Devices = Devices,
            Mfu = new Fraction(0.4),
            PipelineParallel = 16,
            ExpertParallel = 64,
            DevicePower = new Watts(700),
            PricePerDeviceHour = new UsdPerGpuHour(2),
            Grid = new CarbonIntensity(0.4),
        };
    }

    [Benchmark(Baseline = true)]
    public Flop ModelFlops() => TrainingFlops.Model(_run);

    [Benchmark]
    public TrainingEstimate Estimate() => TrainingEstimator.Estimate(_run);
}
