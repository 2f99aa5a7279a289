using System.Globalization;

namespace Burnrate.Core.Inference;

/// <summary>
/// The share of datasheet peaks a serving stack really reaches: compute (matmul FLOP/s), memory bandwidth and
/// interconnect bandwidth, each in [0.001, 1]. Defaults are sourced below; calibrate them from measurements with <c>burnrate calibrate</c>.
/// </summary>
public sealed record EfficiencyFactors
{
    /// <summary>Default compute efficiency: 0.5. Large-batch inference on well-tuned stacks reaches 40–76% MFU
    /// (Pope et al. 2022, "Efficiently Scaling Transformer Inference", arXiv 2211.05102, Table 2: 76% prefill MFU on TPU v4);
    /// 0.5 is a conservative middle for GPU serving stacks.</summary>
    public const double DefaultCompute = 0.5;

    /// <summary>Default bandwidth efficiency: 0.7. gpt-fast reaches 104.9 tok/s on Llama-2-7B bf16 batch 1 on A100-80GB:
    /// 13.5 GB × 104.9/s ≈ 1.41 TB/s ≈ 69% of 2.039 TB/s (pytorch-labs/gpt-fast README).</summary>
    public const double DefaultBandwidth = 0.7;

    /// <summary>Default communication efficiency: 0.7. NCCL all-reduce bus bandwidth on NVLink typically reaches 70–80%
    /// of the per-direction link peak for large messages (NVIDIA nccl-tests PERFORMANCE.md, busbw).</summary>
    public const double DefaultCommunication = 0.7;

    /// <summary>Default ratio of long-prompt prefill compute efficiency to <see cref="Compute"/>: 1.5, so the default prefill
    /// efficiency tends to 0.75 for long prompts, the 76% prefill MFU of Pope et al. 2022 (arXiv 2211.05102, Table 2).</summary>
    public const double DefaultLongPrefillRatio = 1.5;

    /// <summary>Default prompt tokens per step at which prefill reaches half its long-prompt efficiency: 128. Matmuls over few
    /// rows lose to tile and wave quantization (NVIDIA Deep Learning Performance Guide, "Matrix Multiplication Background");
    /// with it a 512-token prefill runs at 0.6 of peak, FasterTransformer's GPT-13B 512-token prefill measured 0.68 (kipply 2022).</summary>
    public const double DefaultPrefillHalfTokens = 128;

    /// <summary>Default achieved weight-read rate of int8 weight-only kernels relative to 16-bit weights: 0.77, gpt-fast's
    /// Llama-2-7B int8 reading 1069 GB/s against 1397 GB/s in bf16 on the same A100 (pytorch-labs/gpt-fast README). Better
    /// kernels do more: llama.cpp Q8_0 tg128 on an RTX 4090 reads 703 GB/s against 824 GB/s in F16 (0.85, llama.cpp PR #4766).</summary>
    public const double DefaultInt8WeightRead = 0.77;

    /// <summary>Default achieved weight-read rate of 4-bit weight-only kernels (int4, fp4) relative to 16-bit weights: 0.75.
    /// gpt-fast Llama-2-70B int4 (group 32) reads 1098 GB/s against 1482 GB/s per device in bf16 at TP 2 (0.74, gpt-fast README).</summary>
    public const double DefaultInt4WeightRead = 0.75;

    private readonly double _compute;
    private readonly double _bandwidth;
    private readonly double _communication;

    /// <summary>Initializes a new instance of the <see cref="EfficiencyFactors"/> class.</summary>
    /// <param name="compute">Achieved ÷ peak dense FLOP/s, in [0.001, 1].</param>
    /// <param name="bandwidth">Achieved ÷ peak memory bandwidth, in [0.001, 1].</param>
    /// <param name="communication">Achieved ÷ peak interconnect bandwidth per direction, in [0.001, 1].</param>
    public EfficiencyFactors(double compute, double bandwidth, double communication)
    {
        Compute = Check(compute, nameof(compute));
        Bandwidth = Check(bandwidth, nameof(bandwidth));
        Communication = Check(communication, nameof(communication));
    }

    /// <summary>Gets the defaults (0.5 compute, 0.7 bandwidth, 0.7 communication) with the sources given on the constants.</summary>
    public static EfficiencyFactors Default { get; } = new(DefaultCompute, DefaultBandwidth, DefaultCommunication);

    /// <summary>Gets the compute efficiency (fraction of dense peak FLOP/s), in [0.001, 1].</summary>
    public double Compute { get => _compute; init => _compute = Check(value, nameof(Compute)); }

    /// <summary>Gets the memory-bandwidth efficiency (fraction of peak HBM bandwidth), in [0.001, 1].</summary>
    public double Bandwidth { get => _bandwidth; init => _bandwidth = Check(value, nameof(Bandwidth)); }

    /// <summary>Gets the communication efficiency (fraction of per-direction interconnect bandwidth), in [0.001, 1].</summary>
    public double Communication { get => _communication; init => _communication = Check(value, nameof(Communication)); }

    /// <summary>Gets the long-prompt prefill compute efficiency as a multiple of <see cref="Compute"/> (≥ 1; capped so the
    /// product stays ≤ 1).</summary>
    public double LongPrefillRatio { get; init; } = DefaultLongPrefillRatio;

    /// <summary>Gets the prompt tokens per step at which prefill reaches half its long-prompt efficiency (≥ 0; 0 = flat).</summary>
    public double PrefillHalfTokens { get; init; } = DefaultPrefillHalfTokens;

    /// <summary>Gets the achieved weight-read rate of int8 weight-only kernels relative to 16-bit weights, in (0, 1].</summary>
    public double Int8WeightRead { get; init => field = Check(value, nameof(Int8WeightRead)); } = DefaultInt8WeightRead;

    /// <summary>Gets the achieved weight-read rate of int4/fp4 weight-only kernels relative to 16-bit weights, in (0, 1].</summary>
    public double Int4WeightRead { get; init => field = Check(value, nameof(Int4WeightRead)); } = DefaultInt4WeightRead;

    /// <summary>Gets the prefill compute efficiency of a step holding <paramref name="promptTokens"/> prompt tokens:
    /// min(1, compute × ratio × T ÷ (T + T½)) (docs/infer.md "Prefill").</summary>
    /// <param name="promptTokens">Prompt tokens in the step (≥ 1).</param>
    /// <returns>The efficiency, in (0, 1].</returns>
    public double PrefillCompute(double promptTokens) =>
        Math.Min(1, Compute * Math.Max(1, LongPrefillRatio) * promptTokens / (promptTokens + Math.Max(0, PrefillHalfTokens)));

    /// <summary>Gets the achieved weight-read rate of weight-only kernels for a weight precision relative to 16-bit weights
    /// (1 for formats the matmul computes in directly).</summary>
    /// <param name="weights">The stored weight precision.</param>
    /// <param name="compute">The matmul precision.</param>
    /// <returns>The ratio, in (0, 1].</returns>
    public double WeightRead(Hardware.Precision weights, Hardware.Precision compute) =>
        weights == compute ? 1
        : weights == Hardware.Precision.Int8 ? Int8WeightRead
        : weights is Hardware.Precision.Int4 or Hardware.Precision.Fp4 ? Int4WeightRead
        : 1;

    /// <summary>Gets the smallest efficiency accepted: 0.001 (0.1% of a peak). Below it no serving stack is meaningful, and a
    /// value such as 1e-320 would turn every time into infinity and every cost into NaN.</summary>
    public const double Minimum = 0.001;

    /// <summary>Gets whether <paramref name="value"/> is a valid efficiency: finite and in [<see cref="Minimum"/>, 1].</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValid(double value) => value >= Minimum && value <= 1;

    private static double Check(double value, string name) => IsValid(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "An efficiency must be in [0.001, 1], got " + value.ToString(CultureInfo.InvariantCulture) + ".");
}
