using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>
/// One pre-training run to estimate: the model, the data, the hardware and how the model is laid out on it.
/// Build it from an architecture with <see cref="ForArchitecture"/> or from a bare parameter count with <see cref="ForParameterCount"/>.
/// </summary>
public sealed record TrainingRun
{
    /// <summary>Gets the parameter counts; FLOPs use the active compute parameters, memory the total.</summary>
    public required ParameterCount Parameters { get; init; }

    /// <summary>Gets the architecture, or null when only a parameter count is known (then attention FLOPs and activations are not estimated).</summary>
    public ModelArchitecture? Architecture { get; init; }

    /// <summary>Gets the number of training tokens, T.</summary>
    public required Tokens Tokens { get; init; }

    /// <summary>Gets the training sequence length in tokens, s.</summary>
    public required int SequenceLength { get; init; }

    /// <summary>Gets the accelerator.</summary>
    public required AcceleratorSpec Accelerator { get; init; }

    /// <summary>Gets the number of accelerators.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the precision the matrix multiplies run in; it selects the peak FLOP/s. Stored states stay as in <see cref="TrainingMemory"/>.</summary>
    public Precision Precision { get; init; } = Precision.Bf16;

    /// <summary>Gets the model FLOPs utilization: achieved model FLOP/s ÷ peak (PaLM, Chowdhery et al. 2022, arXiv 2204.02311, appendix B).</summary>
    public required Fraction Mfu { get; init; }

    /// <summary>Gets the precision whose dense peak <see cref="Mfu"/> is stated against; null = bf16 (fp16 where the chip has no bf16),
    /// whatever <see cref="Precision"/> is.</summary>
    public Hardware.Precision? MfuBasis { get; init; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public int TensorParallel { get; init; } = 1;

    /// <summary>Gets the pipeline-parallel degree.</summary>
    public int PipelineParallel { get; init; } = 1;

    /// <summary>Gets the expert-parallel degree (MoE only; carved out of data parallelism).</summary>
    public int ExpertParallel { get; init; } = 1;

    /// <summary>Gets how model states are sharded across data-parallel ranks.</summary>
    public ShardingStrategy Sharding { get; init; } = ShardingStrategy.Zero1;

    /// <summary>Gets the activation recomputation policy.</summary>
    public RecomputeMode Recompute { get; init; } = RecomputeMode.Selective;

    /// <summary>Gets the micro-batch size in sequences per device per step, b.</summary>
    public int MicroBatch { get; init; } = 1;

    /// <summary>Gets the global batch size in sequences, or null when not given.</summary>
    public int? GlobalBatch { get; init; }

    /// <summary>Gets whether attention is causal, so kernels compute only the lower triangle of QKᵀ (half of PaLM's attention term).</summary>
    public bool CausalAttention { get; init; } = true;

    /// <summary>Gets how often a job is interrupted, per device-hour of running (failures and planned restarts that stop the
    /// whole job); default <see cref="TrainingEstimator.DefaultInterruptionsPerDeviceHour"/>. Zero turns the goodput model off.</summary>
    public double InterruptionsPerDeviceHour { get; init; } = TrainingEstimator.DefaultInterruptionsPerDeviceHour;

    /// <summary>Gets the wall-clock time one interruption costs the whole job: detection, restart and the work redone since the
    /// last checkpoint; default <see cref="TrainingEstimator.DefaultLostPerInterruption"/>.</summary>
    public Duration LostPerInterruption { get; init; } = TrainingEstimator.DefaultLostPerInterruption;

    /// <summary>Gets the share of the tensor-parallel collectives hidden behind compute, in [0, 1]; default
    /// <see cref="TrainingCommunication.DefaultTensorParallelOverlap"/> (none: Megatron-LM's default). It moves the default MFU only
    /// (<see cref="TrainingEstimator.DefaultMfuFor"/>).</summary>
    public double TensorParallelOverlap { get; init; } = TrainingCommunication.DefaultTensorParallelOverlap;

    /// <summary>Gets the share of the scale-up link's per-direction peak that collectives reach, in [0.001, 1]; default
    /// <see cref="Inference.EfficiencyFactors.DefaultCommunication"/> (0.7, nccl-tests bus bandwidth on NVLink).</summary>
    public double CommunicationEfficiency { get; init; } = Inference.EfficiencyFactors.DefaultCommunication;

    /// <summary>Gets the power each device draws while training (normally its TDP).</summary>
    public required Watts DevicePower { get; init; }

    /// <summary>Gets the facility power usage effectiveness (≥ 1).</summary>
    public double Pue { get; init; } = 1;

    /// <summary>Gets the price of one device-hour.</summary>
    public required UsdPerGpuHour PricePerDeviceHour { get; init; }

    /// <summary>Gets the grid's carbon intensity.</summary>
    public required CarbonIntensity Grid { get; init; }

    /// <summary>Gets the layout: TP, PP and EP as given, DP = devices ÷ (TP·PP).</summary>
    public Parallelism Layout => new(TensorParallel, PipelineParallel, TensorParallel * PipelineParallel > 0 ? Devices / (TensorParallel * PipelineParallel) : 0, ExpertParallel);

    /// <summary>Gets the parameter counts of a model from its architecture.</summary>
    /// <param name="architecture">The architecture.</param>
    /// <returns>The counts, via <see cref="ParameterCounter"/>.</returns>
    public static ParameterCount ForArchitecture(ModelArchitecture architecture) => ParameterCounter.Count(architecture);

    /// <summary>Gets parameter counts for a model known only by its size: every parameter is taken as active and doing matmuls (Kaplan et al. 2020's N).</summary>
    /// <param name="parameters">The parameter count, N.</param>
    /// <returns>The counts.</returns>
    public static ParameterCount ForParameterCount(double parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters);
        return new ParameterCount(parameters, parameters, 0, 0);
    }

    /// <summary>Gets the most training tokens a run may have (1e18, ~60,000× Llama 3's 15.6T): every figure stays finite.</summary>
    public const double MaxTokens = 1e18;

    /// <summary>Gets the most parameters a model may have (1e15).</summary>
    public const double MaxParameters = 1e15;

    /// <summary>Gets the most devices a run may use (10,000,000).</summary>
    public const int MaxDevices = 10_000_000;

    /// <summary>Gets the largest tensor-, pipeline- or expert-parallel degree (65,536).</summary>
    public const int MaxParallelDegree = 65_536;

    /// <summary>Gets the longest training sequence in tokens (10,000,000).</summary>
    public const int MaxSequenceLength = 10_000_000;

    /// <summary>Gets the largest micro-batch in sequences (1,000,000).</summary>
    public const int MaxMicroBatch = 1_000_000;

    /// <summary>Gets the highest interruption rate a run may have: 0.01 per device-hour (500× Llama 3's).</summary>
    public const double MaxInterruptionsPerDeviceHour = 0.01;

    /// <summary>Gets the longest time one interruption may cost: 7 days.</summary>
    public static Duration MaxLostPerInterruption { get; } = Duration.FromDays(7);

    /// <summary>Checks the inputs against their documented finite ranges (tokens ≤ 1e18, parameters ≤ 1e15, devices ≤ 1e7,
    /// TP/PP/EP ≤ 65,536, sequence ≤ 1e7 tokens, micro-batch ≤ 1e6, PUE ≤ 10, power ≤ 1 MW, price ≤ $1M per device-hour,
    /// grid ≤ 10 kg CO2e/kWh, interruptions ≤ 0.01 per device-hour, ≤ 7 days lost each), naming the first bad one and the value allowed.</summary>
    /// <returns>An error message, or null when the run is valid.</returns>
    public string? Validate()
    {
        long unit = (long)TensorParallel * PipelineParallel * ExpertParallel;
        return !(Tokens.Value > 0) || !(Tokens.Value <= MaxTokens) ? Invariant($"tokens must be a number in (0, {MaxTokens:0e0}], got {Tokens.Value}")
            : !(Parameters.Total > 0) || !(Parameters.Total <= MaxParameters) ? Invariant($"the model's parameters must be a number in (0, {MaxParameters:0e0}], got {Parameters.Total}")
            : Devices > MaxDevices ? Invariant($"gpus must be at most {MaxDevices}, got {Devices}")
            : TensorParallel > MaxParallelDegree || PipelineParallel > MaxParallelDegree || ExpertParallel > MaxParallelDegree ? Invariant($"tp, pp and ep must be at most {MaxParallelDegree}, got tp {TensorParallel}, pp {PipelineParallel}, ep {ExpertParallel}")
            : SequenceLength > MaxSequenceLength ? Invariant($"seq-len must be at most {MaxSequenceLength} tokens, got {SequenceLength}")
            : MicroBatch > MaxMicroBatch ? Invariant($"micro-batch must be at most {MaxMicroBatch} sequences, got {MicroBatch}")
            : !(Pue <= 10) ? Invariant($"pue must be at most 10, got {Pue}")
            : !(DevicePower.Value <= 1e6) ? Invariant($"device power must be at most 1e6 W, got {DevicePower.Value} W")
            : !(PricePerDeviceHour.Value <= 1e6) ? Invariant($"price per device-hour must be at most 1e6, got {PricePerDeviceHour.Value}")
            : !(Grid.KgCo2ePerKWh <= 10) ? Invariant($"grid-kg-co2-per-kwh must be at most 10, got {Grid.KgCo2ePerKWh}")
            : !(InterruptionsPerDeviceHour >= 0) || !(InterruptionsPerDeviceHour <= MaxInterruptionsPerDeviceHour) ? Invariant($"interruptions-per-device-hour must be in [0, {MaxInterruptionsPerDeviceHour}], got {InterruptionsPerDeviceHour}")
            : !(LostPerInterruption.Seconds >= 0) || !(LostPerInterruption.Seconds <= MaxLostPerInterruption.Seconds) ? Invariant($"minutes-lost-per-interruption must be in [0, {MaxLostPerInterruption.Seconds / 60}], got {LostPerInterruption.Seconds / 60}")
            : !(TensorParallelOverlap >= 0) || !(TensorParallelOverlap <= 1) ? Invariant($"tp-comm-overlap must be in [0, 1], got {TensorParallelOverlap}")
            : !(CommunicationEfficiency >= Inference.EfficiencyFactors.Minimum) || !(CommunicationEfficiency <= 1) ? Invariant($"communication efficiency must be in [0.001, 1], got {CommunicationEfficiency}")
            : !(Mfu.Value >= Inference.EfficiencyFactors.Minimum) || !(Mfu.Value <= 1) ? Invariant($"mfu must be in [0.001, 1], got {Mfu.Value}")
            : SequenceLength <= 0 ? Invariant($"seq-len must be a positive integer, got {SequenceLength}")
            : Devices <= 0 ? Invariant($"gpus must be a positive integer, got {Devices}")
            : TensorParallel <= 0 || PipelineParallel <= 0 || ExpertParallel <= 0 ? Invariant($"tp, pp and ep must be positive, got tp {TensorParallel}, pp {PipelineParallel}, ep {ExpertParallel}")
            : Devices % unit != 0 ? Invariant($"gpus {Devices} is not a multiple of tp·pp·ep = {TensorParallel}·{PipelineParallel}·{ExpertParallel} = {unit}")
            : ExpertParallel > 1 && Architecture?.Moe is null ? Invariant($"ep {ExpertParallel} needs a Mixture-of-Experts model")
            : Architecture?.Moe is { } moe && moe.RoutedExperts % ExpertParallel != 0 ? Invariant($"ep {ExpertParallel} must divide the {moe.RoutedExperts} routed experts")
            : Architecture is { } a && a.AttentionHeads % TensorParallel != 0 ? Invariant($"tp {TensorParallel} must divide the {a.AttentionHeads} attention heads")
            : Architecture is { } b && PipelineParallel > b.Layers ? Invariant($"pp {PipelineParallel} exceeds the {b.Layers} layers")
            : MicroBatch <= 0 ? Invariant($"micro-batch must be a positive integer, got {MicroBatch}")
            : GlobalBatch is { } g && (g <= 0 || g % ((long)MicroBatch * Layout.Data) != 0) ? Invariant($"global-batch {g} must be a positive multiple of micro-batch × dp = {MicroBatch}×{Layout.Data}")
            : !Accelerator.Supports(Precision) ? $"accelerator '{Accelerator.Id}' has no dense {Precision.Id()} peak; use one of {string.Join(", ", Accelerator.PeakFlops.Keys.Select(p => p.Id()))}"
            : MfuBasis is { } basis && !Accelerator.Supports(basis) ? $"accelerator '{Accelerator.Id}' has no dense {basis.Id()} peak to state MFU against; use one of {string.Join(", ", Accelerator.PeakFlops.Keys.Select(p => p.Id()))}"
            : Pue < 1 ? Invariant($"pue must be at least 1, got {Pue}")
            : !(DevicePower.Value > 0) ? Invariant($"device power must be positive, got {DevicePower.Value} W")
            : PricePerDeviceHour.Value < 0 ? Invariant($"price per device-hour must not be negative, got {PricePerDeviceHour.Value}")
            : Grid.KgCo2ePerKWh < 0 ? Invariant($"grid-kg-co2-per-kwh must not be negative, got {Grid.KgCo2ePerKWh}")
            : null;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
