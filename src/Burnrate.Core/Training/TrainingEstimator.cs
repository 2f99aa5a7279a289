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

    /// <summary>The reference recomputation of <see cref="DefaultMfu"/>: selective, what Megatron-style runs such as Llama 3's
    /// use (Korthikanti et al. 2022, arXiv 2205.05198). Another mode keeps the hardware FLOPs utilization and scales the default
    /// MFU by hardware FLOPs at selective ÷ hardware FLOPs at that mode (<see cref="DefaultMfuFor"/>).</summary>
    public const RecomputeMode DefaultMfuRecompute = RecomputeMode.Selective;

    /// <summary>Default interruptions per device-hour of running: Llama 3 405B pre-training had 466 job interruptions (47 planned,
    /// 419 unexpected) in a 54-day snapshot on 16,384 H100s with "higher than 90% effective training time" (Dubey et al. 2024,
    /// arXiv 2407.21783, §3.3.4): 466 ÷ (16,384 devices × 0.9 × 54 × 24 h) ≈ 2.44e-5.</summary>
    public const double DefaultInterruptionsPerDeviceHour = 466.0 / (16_384 * 0.9 * 54 * 24);

    /// <summary>Gets the default time one interruption costs the whole job: the same 54-day snapshot lost 10% of 54 days over 466
    /// interruptions, 0.1 × 54 × 24 h ÷ 466 ≈ 0.278 h ≈ 16.7 minutes (Dubey et al. 2024, arXiv 2407.21783, §3.3.4, taking
    /// "higher than 90%" at 90%).</summary>
    public static Duration DefaultLostPerInterruption { get; } = Duration.FromHours(0.1 * 54 * 24 / 466);

    /// <summary>The source of the interruption defaults, as printed.</summary>
    public const string InterruptionSource = "Llama 3 405B: 466 job interruptions (419 unexpected) in 54 days on 16,384 H100s, \"higher than 90% effective training time\" taken at 90% (Dubey et al. 2024, arXiv 2407.21783, §3.3.4)";

    /// <summary>The wall-clock formula as printed.</summary>
    public const string TimeFormula = "running time = model FLOPs ÷ (devices × dense peak FLOP/s of the MFU basis (bf16 unless set) × MFU); wall-clock = running time × (1 + interruptions per device-hour × devices × hours lost per interruption)";

    /// <summary>The goodput formula as printed.</summary>
    public const string GoodputFormula = "wall-clock = running time × (1 + interruptions per device-hour × devices × hours lost per interruption): every device can stop the whole job, each stop costs restart plus work since the last checkpoint";

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
        Duration running = model / (run.Devices * run.Mfu.Value * peak);
        double overhead = InterruptionOverhead(run);
        Duration wall = running * (1 + overhead);
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
            MtpFlops = TrainingFlops.Mtp(run),
            HardwareFlops = hardware,
            PeakPerDevice = peak,
            RunningTime = running,
            InterruptionOverhead = overhead,
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

    /// <summary>Gets the time lost to interruptions as a fraction of the running time: interruptions per device-hour × devices ×
    /// hours lost per interruption (<see cref="GoodputFormula"/>).</summary>
    /// <param name="run">The run.</param>
    /// <returns>The fraction (0 when the rate or the loss is zero).</returns>
    public static double InterruptionOverhead(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.InterruptionsPerDeviceHour * run.Devices * run.LostPerInterruption.Hours;
    }

    /// <summary>Gets the default MFU for a run's layout and recomputation. <see cref="DefaultMfu"/> was measured at Llama 3 405B's
    /// layout, whose tensor-parallel all-reduces took part of every step (<see cref="TrainingCommunication.ReferenceLayout"/>):
    /// taking them out leaves the compute-only MFU <see cref="TrainingCommunication.ComputeMfu"/>. That is stated at selective
    /// recomputation (<see cref="DefaultMfuRecompute"/>); another mode keeps the same hardware FLOPs utilization, so it scales by
    /// hardware FLOPs at selective ÷ hardware FLOPs at the run's mode (full recompute repeats the layers' forward pass: about ¾;
    /// Korthikanti et al. 2022, arXiv 2205.05198, Table 4). The run's own exposed tensor-parallel communication is then charged:
    /// η ÷ (1 + η × <see cref="TrainingCommunication.ExposedShare"/>), so at the source's layout the default is 0.40 again.</summary>
    /// <param name="run">The run (its own MFU is ignored).</param>
    /// <returns>The default MFU for the run.</returns>
    public static Fraction DefaultMfuFor(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Flop reference = TrainingFlops.Hardware(run with { Recompute = DefaultMfuRecompute });
        double compute = TrainingCommunication.ComputeMfu * (reference / TrainingFlops.Hardware(run));
        return new Fraction(Math.Min(1, compute / (1 + (compute * TrainingCommunication.ExposedShare(run)))));
    }

    /// <summary>
    /// Gets the fewest devices that finish a run within a deadline at the run's MFU and interruption rate, rounded up to a
    /// multiple of TP·PP·EP (the run's own device count is ignored). Wall-clock is F ÷ (N·r) + F·λ·τ ÷ r for F model FLOPs,
    /// r FLOP/s per device, λ interruptions per device-hour and τ hours lost each, so a deadline at or below F·λ·τ ÷ r cannot be
    /// met with any number of devices.
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
        double deviceSeconds = model.Value / perDevice.Value;
        double floorSeconds = deviceSeconds * run.InterruptionsPerDeviceHour * run.LostPerInterruption.Hours;
        if (!(deadline.Seconds > floorSeconds))
        {
            throw new Validation.InputException("days", (deadline.Seconds / 86_400).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                FormattableString.Invariant($"more than {floorSeconds / 86_400:0.###} days ({floorSeconds / 3600:0.##} h): at {run.InterruptionsPerDeviceHour:0.###e0} interruptions per device-hour and {run.LostPerInterruption.Hours * 60:0.#} minutes lost each, adding devices adds as much lost time as it saves"));
        }

        double needed = deviceSeconds / (deadline.Seconds - floorSeconds);
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

    private static string TensorParallelAssumption(TrainingRun run)
    {
        string overlap = FormattableString.Invariant($"{100 * run.TensorParallelOverlap:0.#}% overlapped (tp-comm-overlap), communication efficiency {run.CommunicationEfficiency:0.###}");
        string reference = FormattableString.Invariant($"the default MFU's source layout spent {100 * TrainingCommunication.ReferenceShare * DefaultMfu:0.#}% of its time in them: compute-only MFU {TrainingCommunication.ComputeMfu:0.###}");
        return run.TensorParallel <= 1 || run.Architecture is null
            ? (run.TensorParallel <= 1 ? "none at tp 1" : "no architecture: taken as the source layout's share") + "; " + reference
            : FormattableString.Invariant($"{100 * TrainingCommunication.RunningShare(run):0.#}% of running time exposed at tp {run.TensorParallel}, {overlap}; {reference}");
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
            new("tp-communication", TensorParallelAssumption(run), TrainingCommunication.ReferenceLayout + "; Shoeybi et al. 2019 (arXiv 1909.08053) §3: 4 all-reduces per layer (+2 with full recompute), ring 2(t − 1)/t of b·s·h × 2 B each, over the scale-up link at ½ its bidirectional bandwidth × communication efficiency (nccl-tests busbw)"),
            new("goodput", GoodputFormula + FormattableString.Invariant($": +{100 * InterruptionOverhead(run):0.##}% on {run.Devices} devices"), InterruptionSource),
            new("mfu-basis", MfuPeak(run) + " (" + (run.MfuBasis ?? (run.Accelerator.Supports(Precision.Bf16) ? Precision.Bf16 : Precision.Fp16)).Id() + " dense peak)", run.MfuBasis is null ? "default: MFU is stated against the BF16 dense peak whatever the training precision (DeepSeek-V3 FP8 run: 35% vs BF16 peak, 17% vs FP8)" : "user"),
            new("energy-formula", EnergyFormula, "devices at full board power for the whole run"),
        };
        if (run.Architecture is { MtpModules: > 0 } a)
        {
            // Only models that train with multi-token prediction carry this line, so the others' outputs are unchanged.
            Flop mtp = TrainingFlops.Mtp(run);
            list.Insert(2, new("multi-token-prediction", FormattableString.Invariant($"{a.MtpModules} module(s) trained with the model, {TrainingFlops.MtpFormula}: {mtp.Value:0.###e+0} FLOP, {100 * (mtp / (TrainingFlops.Model(run) - mtp)):0.#}% on top of the main model's (a catalog model with mtpModules: 0 leaves them out)"), TrainingFlops.MtpSource));
        }

        return list;
    }
}
