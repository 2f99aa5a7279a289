using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
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
    public const string TimeFormula = "wall-clock = model FLOPs ÷ (devices × dense peak FLOP/s of the MFU basis (bf16 unless set) × MFU)";

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
        FlopPerSecond peak = MfuPeak(run);
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
        FlopPerSecond perDevice = run.Mfu.Value * MfuPeak(run);
        double needed = model.Value / (perDevice.Value * deadline.Seconds);
        long unit = run.Layout.ModelParallelUnit;
        double rounded = Math.Ceiling(needed / unit) * unit;
        if (!(rounded <= TrainingRun.MaxDevices))
        {
            throw new Validation.InputException("days", (deadline.Seconds / 86_400).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                FormattableString.Invariant($"a deadline this run can meet with at most {TrainingRun.MaxDevices:N0} devices (it would need {(double.IsFinite(rounded) ? rounded.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "infinitely many")})"));
        }

        return (int)Math.Max(unit, rounded);
    }

    /// <summary>Gets the peak MFU is stated against: the dense peak at <see cref="TrainingRun.MfuBasis"/>, by default bf16 (fp16
    /// on chips without bf16) whatever the training precision, as published FP8 runs report it: DeepSeek-V3's FP8 pre-training
    /// (2.664M H800-hours for 14.8T tokens, arXiv 2412.19437 Table 1) is 35% MFU against the BF16 peak, 17% against FP8's.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The peak per device.</returns>
    public static FlopPerSecond MfuPeak(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Precision basis = run.MfuBasis
            ?? (run.Accelerator.Supports(Precision.Bf16) ? Precision.Bf16
            : run.Accelerator.Supports(Precision.Fp16) ? Precision.Fp16
            : run.Precision);
        return run.Accelerator.PeakFlops[basis];
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
            new("mfu-basis", MfuPeak(run) + " (" + (run.MfuBasis ?? (run.Accelerator.Supports(Precision.Bf16) ? Precision.Bf16 : Precision.Fp16)).Id() + " dense peak)", run.MfuBasis is null ? "default: MFU is stated against the BF16 dense peak whatever the training precision (DeepSeek-V3 FP8 run: 35% vs BF16 peak, 17% vs FP8)" : "user"),
            new("energy-formula", EnergyFormula, "devices at full board power for the whole run"),
        };
        return list;
    }
}
