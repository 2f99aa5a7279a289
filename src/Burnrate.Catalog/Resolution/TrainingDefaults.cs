using Burnrate.Core.Economics;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;

namespace Burnrate.Catalog.Resolution;

/// <summary>The sourced defaults of a training estimate, shared by <c>burnrate train</c>, plan's <c>costs.training[].from</c> and the web API.</summary>
public static class TrainingDefaults
{
    /// <summary>Gets the longest default sequence length: 8192, Llama 3's main pre-training length (arXiv 2407.21783 §3.4.1).</summary>
    public const int MaxSequenceLength = 8192;

    /// <summary>Gets the model FLOPs utilization: 0.40 (Llama 3 405B reached 38–43% BF16 MFU on 8K–16K H100s,
    /// Dubey et al. 2024, arXiv 2407.21783, Table 4).</summary>
    public static Sourced<double> Mfu { get; } = new(TrainingEstimator.DefaultMfu, new Assumption(
        "mfu", NumberText.Plain(TrainingEstimator.DefaultMfu), "default: Llama 3 405B reached 38–43% BF16 MFU on 8K–16K H100s (Dubey et al. 2024, arXiv 2407.21783, Table 4)"));

    /// <summary>Gets the job interruptions per device-hour of running: ≈ 2.44e-5 (Llama 3 405B: 466 in 54 days on 16,384 H100s at
    /// 90% effective time, arXiv 2407.21783 §3.3.4).</summary>
    public static Sourced<double> InterruptionsPerDeviceHour { get; } = new(TrainingEstimator.DefaultInterruptionsPerDeviceHour, new Assumption(
        "interruptions-per-device-hour", NumberText.Format(TrainingEstimator.DefaultInterruptionsPerDeviceHour, "0.###e0"), "default: " + TrainingEstimator.InterruptionSource));

    /// <summary>Gets the minutes one interruption costs the whole job: ≈ 16.7 (10% of Llama 3's 54-day snapshot over its 466
    /// interruptions, arXiv 2407.21783 §3.3.4).</summary>
    public static Sourced<double> MinutesLostPerInterruption { get; } = new(TrainingEstimator.DefaultLostPerInterruption.Seconds / 60, new Assumption(
        "minutes-lost-per-interruption", NumberText.Format(TrainingEstimator.DefaultLostPerInterruption.Seconds / 60, "0.#") + " min", "default: restart plus work since the last checkpoint; " + TrainingEstimator.InterruptionSource));

    /// <summary>Gets the grid carbon intensity: 0.4 kg CO2e/kWh, between the US grid average (~0.37, EIA 2023) and the world
    /// average (~0.46, IEA Electricity 2024).</summary>
    public static Sourced<double> GridKgCo2PerKWh { get; } = new(0.4, new Assumption(
        "grid-kg-co2-per-kwh", "0.4", "default: between the US grid average (~0.37, EIA 2023) and the world average (~0.46, IEA Electricity 2024)"));

    /// <summary>Gets the default sharding: ZeRO-1, sharded optimizer states (Megatron-LM distributed optimizer; Rajbhandari et al. 2020).</summary>
    public static Sourced<ShardingStrategy> Sharding { get; } = new(ShardingStrategy.Zero1, new Assumption(
        "zero", "ZeRO-1", "default: ZeRO-1, sharded optimizer states (Megatron-LM distributed optimizer); Rajbhandari et al. 2020, arXiv 1910.02054"));

    /// <summary>Gets the default activation recomputation: selective (Korthikanti et al. 2022, arXiv 2205.05198).</summary>
    public static Sourced<RecomputeMode> Recompute { get; } = new(RecomputeMode.Selective, new Assumption(
        "recompute", "selective", "default: selective, Korthikanti et al. 2022 (arXiv 2205.05198)"));

    /// <summary>Gets the default training sequence length of <paramref name="architecture"/>: min(its context, 8192).</summary>
    /// <param name="architecture">The model, or null for a bare parameter count.</param>
    /// <returns>The sourced sequence length in tokens.</returns>
    public static Sourced<int> SequenceLength(ModelArchitecture? architecture)
    {
        int seq = Math.Min(architecture?.MaxContext ?? MaxSequenceLength, MaxSequenceLength);
        return new(seq, new Assumption("seq-len", NumberText.Whole(seq), "default: min(model context, 8192); 8192 is Llama 3's pre-training length (arXiv 2407.21783 §3.4.1)"));
    }
}
