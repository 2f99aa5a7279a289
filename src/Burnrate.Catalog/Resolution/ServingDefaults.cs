using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;

namespace Burnrate.Catalog.Resolution;

/// <summary>The sourced defaults of a serving estimate and the precisions each role allows, shared by infer, optimize, bench
/// predictions, calibrate, plan's <c>costs.inference.from</c> and the web API.</summary>
public static class ServingDefaults
{
    /// <summary>Gets the default prompt length in tokens.</summary>
    public const int InputTokens = 2000;

    /// <summary>Gets the default generated length in tokens.</summary>
    public const int OutputTokens = 500;

    /// <summary>Gets the default concurrency: a moderate continuous batch.</summary>
    public const int Concurrency = 32;

    /// <summary>Gets the source of the default compute efficiency.</summary>
    public const string ComputeEfficiencySource = "default: large-batch inference MFU 40–76% (Pope et al. 2022, arXiv 2211.05102); conservative middle";

    /// <summary>Gets the source of the default bandwidth efficiency.</summary>
    public const string BandwidthEfficiencySource = "default: gpt-fast Llama-2-7B A100 batch 1 reaches ~69% of peak HBM bandwidth (pytorch-labs/gpt-fast README)";

    /// <summary>Gets the source of the default communication efficiency.</summary>
    public const string CommunicationEfficiencySource = "default: NCCL all-reduce bus bandwidth ~70–80% of NVLink peak (NVIDIA nccl-tests)";

    /// <summary>Gets the default share of TDP drawn while serving: 1 (the whole TDP, an upper bound on energy per token).</summary>
    public const double PowerUtilization = 1.0;

    /// <summary>Gets the default memory reserve (activations, workspace): <see cref="InferenceDeployment.DefaultMemoryReserve"/>.</summary>
    public const double MemoryReserve = InferenceDeployment.DefaultMemoryReserve;

    /// <summary>Gets the default fixed time of one collective before its per-hop part: 12 µs (<see cref="InferenceDeployment.DefaultCollectiveLatency"/>;
    /// each hop adds <see cref="InferenceDeployment.DefaultCollectiveHopLatency"/>).</summary>
    public static Duration CollectiveLatency => InferenceDeployment.DefaultCollectiveLatency;

    /// <summary>Gets the weight precisions a deployment may store.</summary>
    public static IReadOnlyList<Precision> WeightFormats { get; } = [Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8, Precision.Int4, Precision.Fp4];

    /// <summary>Gets the KV-cache precisions a deployment may use.</summary>
    public static IReadOnlyList<Precision> KvFormats { get; } = [Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8];

    /// <summary>Gets the matmul precisions a deployment may compute in.</summary>
    public static IReadOnlyList<Precision> ComputeFormats { get; } = [Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8, Precision.Fp4];

    /// <summary>Gets the efficiency assumptions of <paramref name="factors"/>, each with its source.</summary>
    /// <param name="factors">The factors in use.</param>
    /// <param name="compute">The source of the compute factor.</param>
    /// <param name="bandwidth">The source of the bandwidth factor.</param>
    /// <param name="communication">The source of the communication factor.</param>
    /// <returns>Three assumptions: compute-, bandwidth- and communication-efficiency.</returns>
    public static IReadOnlyList<Assumption> EfficiencyAssumptions(EfficiencyFactors factors, string compute, string bandwidth, string communication)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return
        [
            new("compute-efficiency", NumberText.Plain(factors.Compute), compute),
            new("bandwidth-efficiency", NumberText.Plain(factors.Bandwidth), bandwidth),
            new("communication-efficiency", NumberText.Plain(factors.Communication), communication),
        ];
    }

    /// <summary>Gets the allowed precision ids of a list, as shown in errors: "one of bf16, fp16, fp8".</summary>
    /// <param name="allowed">The allowed precisions.</param>
    /// <returns>The text.</returns>
    public static string OneOf(IReadOnlyList<Precision> allowed) => "one of " + string.Join(", ", (allowed ?? []).Select(a => a.Id()));
}
