using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>
/// Estimates a training run: FLOPs (<see cref="TrainingFlops"/>), memory (<see cref="TrainingMemory"/>), and from them time,
/// device-hours, energy, cost and emissions. Time uses model FLOPs and MFU as PaLM defines it (arXiv 2204.02311, appendix B).
/// </summary>
public static class TrainingEstimator
{
    /// <summary>Default model FLOPs utilization: 0.40. Llama 3 405B pre-training reached 38–43% BF16 MFU on 8K–16K H100s
    /// (Dubey et al. 2024, "The Llama 3 Herd of Models", arXiv 2407.21783, Table 4).</summary>
    public const double DefaultMfu = 0.40;

    /// <summary>The wall-clock formula as printed.</summary>
    public const string TimeFormula = "wall-clock = model FLOPs ÷ (devices × peak FLOP/s at the precision × MFU)";

    /// <summary>The energy formula as printed.</summary>
    public const string EnergyFormula = "energy = devices × power × PUE × wall-clock; emissions = energy × grid kg CO2e/kWh";

    /// <summary>Estimates a run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The run is invalid (see <see cref="TrainingRun.Validate"/>).</exception>
    public static TrainingEstimate Estimate(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(run));
        }

        Flop model = TrainingFlops.Model(run);
        Flop hardware = TrainingFlops.Hardware(run);
        FlopPerSecond peak = run.Accelerator.PeakFlops[run.Precision];
        Duration wall = model / (run.Devices * run.Mfu.Value * peak);
        Joules energy = run.Pue * (run.Devices * run.DevicePower * wall);
        GpuHours hours = GpuHours.Of(run.Devices, wall);
        Parallelism layout = run.Layout;
        int? accumulation = run.GlobalBatch is { } g ? g / (run.MicroBatch * layout.Data) : null;

        return new TrainingEstimate
        {
            Run = run,
            Layout = layout,
            ModelFlops = model,
            AttentionFlops = TrainingFlops.Attention(run),
            HardwareFlops = hardware,
            PeakPerDevice = peak,
            WallClock = wall,
            GpuHours = hours,
            Energy = energy,
            Cost = hours * run.PricePerDeviceHour,
            Emissions = energy * run.Grid,
            Hfu = run.Mfu.Value * (hardware / model),
            TokensPerSecond = run.Tokens / wall,
            Memory = TrainingMemory.PerDevice(run),
            DeviceMemory = run.Accelerator.Memory,
            LeastMemory = TrainingMemory.LeastMemoryLayout(run),
            GradientAccumulationSteps = accumulation,
            OptimizerSteps = run.GlobalBatch is { } gb ? run.Tokens.Value / ((double)gb * run.SequenceLength) : null,
            Assumptions = EstimatorAssumptions(run),
        };
    }

    /// <summary>
    /// Gets the fewest devices that finish a run within a deadline at the run's MFU, rounded up to a multiple of TP·PP·EP
    /// (the run's own device count is ignored).
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="deadline">The wall-clock time allowed.</param>
    /// <returns>The device count.</returns>
    public static int DevicesForDeadline(TrainingRun run, Duration deadline)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!(deadline.Seconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(deadline), deadline.Seconds, "The deadline must be positive.");
        }

        if (!(run.Mfu.Value > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(run), run.Mfu.Value, "MFU must be positive.");
        }

        Flop model = TrainingFlops.Model(run);
        FlopPerSecond perDevice = run.Mfu.Value * run.Accelerator.PeakFlops[run.Precision];
        double needed = model.Value / (perDevice.Value * deadline.Seconds);
        long unit = run.Layout.ModelParallelUnit;
        double rounded = Math.Ceiling(needed / unit) * unit;
        if (rounded > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(deadline), deadline.Seconds, "The deadline needs more devices than can be counted.");
        }

        return (int)Math.Max(unit, rounded);
    }

    private static List<Assumption> EstimatorAssumptions(TrainingRun run)
    {
        var list = new List<Assumption>
        {
            new("flops-formula", TrainingFlops.ModelFormula, TrainingFlops.ModelSource),
            new("attention-flops", run.Architecture is null ? "not counted (no architecture)" : run.CausalAttention ? "causal: half of PaLM's 12·L·H·Q·s" : "full: PaLM's 12·L·H·Q·s", TrainingFlops.ModelSource),
            new("hardware-flops", TrainingFlops.HardwareFormula, TrainingFlops.HardwareSource),
            new("bytes-per-parameter", "2 weights + 2 gradients + 12 optimizer = 16 B (mixed-precision Adam)", TrainingMemory.Source),
            new("activations", run.Architecture is null ? "not estimated (no architecture)" : TrainingMemory.ActivationFormula, TrainingMemory.Source),
            new("time-formula", TimeFormula, "MFU as defined by PaLM (arXiv 2204.02311) appendix B"),
            new("energy-formula", EnergyFormula, "devices at full board power for the whole run"),
        };
        return list;
    }
}
