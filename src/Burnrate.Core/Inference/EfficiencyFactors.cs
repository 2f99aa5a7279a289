using System.Globalization;

namespace Burnrate.Core.Inference;

/// <summary>
/// The share of datasheet peaks a serving stack really reaches: compute (matmul FLOP/s), memory bandwidth and
/// interconnect bandwidth, each in (0, 1]. Defaults are sourced below; calibrate them from measurements with <c>burnrate calibrate</c>.
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

    private readonly double _compute;
    private readonly double _bandwidth;
    private readonly double _communication;

    /// <summary>Initializes a new instance of the <see cref="EfficiencyFactors"/> class.</summary>
    /// <param name="compute">Achieved ÷ peak dense FLOP/s, in (0, 1].</param>
    /// <param name="bandwidth">Achieved ÷ peak memory bandwidth, in (0, 1].</param>
    /// <param name="communication">Achieved ÷ peak interconnect bandwidth per direction, in (0, 1].</param>
    public EfficiencyFactors(double compute, double bandwidth, double communication)
    {
        Compute = Check(compute, nameof(compute));
        Bandwidth = Check(bandwidth, nameof(bandwidth));
        Communication = Check(communication, nameof(communication));
    }

    /// <summary>Gets the defaults (0.5 compute, 0.7 bandwidth, 0.7 communication) with the sources given on the constants.</summary>
    public static EfficiencyFactors Default { get; } = new(DefaultCompute, DefaultBandwidth, DefaultCommunication);

    /// <summary>Gets the compute efficiency (fraction of dense peak FLOP/s), in (0, 1].</summary>
    public double Compute { get => _compute; init => _compute = Check(value, nameof(Compute)); }

    /// <summary>Gets the memory-bandwidth efficiency (fraction of peak HBM bandwidth), in (0, 1].</summary>
    public double Bandwidth { get => _bandwidth; init => _bandwidth = Check(value, nameof(Bandwidth)); }

    /// <summary>Gets the communication efficiency (fraction of per-direction interconnect bandwidth), in (0, 1].</summary>
    public double Communication { get => _communication; init => _communication = Check(value, nameof(Communication)); }

    /// <summary>Gets whether <paramref name="value"/> is a valid efficiency: finite and in (0, 1].</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValid(double value) => value > 0 && value <= 1;

    private static double Check(double value, string name) => IsValid(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "An efficiency must be in (0, 1], got " + value.ToString(CultureInfo.InvariantCulture) + ".");
}
