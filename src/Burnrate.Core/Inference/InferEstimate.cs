using System.Text.Json.Serialization;
using Burnrate.Core.Hardware;

namespace Burnrate.Core.Inference;

/// <summary>
/// One serving configuration and its figures as <c>burnrate infer</c> and <c>POST /api/infer</c> report them (the infer JSON
/// contract: base units, the unit in every name). Built from an <see cref="InferenceResult"/> by <see cref="From"/>, never
/// recomputed. An infeasible answer is not priced: when the configuration does not fit in memory every throughput, latency
/// and cost figure is null (written as an explicit JSON null) and <see cref="MemoryShortfallPerGpuBytes"/> says by how much.
/// Definitions: docs/metrics.md, "Cost-model figures".
/// </summary>
public record InferEstimate
{
    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the accelerator id.</summary>
    public required string Gpu { get; init; }

    /// <summary>Gets the number of devices.</summary>
    public required int Gpus { get; init; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public required int Tp { get; init; }

    /// <summary>Gets the pipeline-parallel degree.</summary>
    public required int Pp { get; init; }

    /// <summary>Gets the expert-parallel degree.</summary>
    public required int Ep { get; init; }

    /// <summary>Gets the weight precision id, e.g. "fp8".</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the KV-cache precision id.</summary>
    public required string Kv { get; init; }

    /// <summary>Gets the matmul precision id.</summary>
    public required string Compute { get; init; }

    /// <summary>Gets the prompt tokens per request.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per request.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the requests in flight across the deployment.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Gets the time to first token in seconds, or null when the configuration does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? TtftSeconds { get; init; }

    /// <summary>Gets the time per output token in seconds, or null when the configuration does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? TpotSeconds { get; init; }

    /// <summary>Gets the end-to-end latency in seconds, or null when the configuration does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? E2eSeconds { get; init; }

    /// <summary>Gets the deployment's output tokens per second, or null when the configuration does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? OutputTokensPerSecond { get; init; }

    /// <summary>Gets the deployment's completed requests per second, or null when the configuration does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? RequestsPerSecond { get; init; }

    /// <summary>Gets the most concurrent requests whose KV cache fits at full context (0 when the weights alone do not fit).</summary>
    public required int MaxConcurrency { get; init; }

    /// <summary>Gets the KV cache one token occupies across the whole model, in bytes.</summary>
    public required double KvCacheBytesPerToken { get; init; }

    /// <summary>Gets the weights one device holds, in bytes.</summary>
    public required double WeightBytesPerGpu { get; init; }

    /// <summary>Gets the memory one device needs at the requested concurrency, in bytes.</summary>
    public required double MemoryPerGpuBytes { get; init; }

    /// <summary>Gets whether the configuration fits in device memory at the requested concurrency.</summary>
    public required bool FitsInMemory { get; init; }

    /// <summary>Gets the memory missing per device, in bytes (0 when it fits).</summary>
    public required double MemoryShortfallPerGpuBytes { get; init; }

    /// <summary>Gets the resource binding a decode step ("memory", "compute" or "communication"), or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DecodeBound { get; init; }

    /// <summary>Gets the resource binding the prefill, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PrefillBound { get; init; }

    /// <summary>Gets the compute part of a decode step in seconds, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DecodeComputeSeconds { get; init; }

    /// <summary>Gets the memory part of a decode step in seconds, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DecodeMemorySeconds { get; init; }

    /// <summary>Gets the communication part of a decode step in seconds, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DecodeCommunicationSeconds { get; init; }

    /// <summary>Gets the compute part of the prefill in seconds, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PrefillComputeSeconds { get; init; }

    /// <summary>Gets the memory part of the prefill in seconds, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PrefillMemorySeconds { get; init; }

    /// <summary>Gets the communication part of the prefill in seconds, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PrefillCommunicationSeconds { get; init; }

    /// <summary>Gets the share of deployment time spent in prefill, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PrefillShare { get; init; }

    /// <summary>Gets the replicas the devices form.</summary>
    public required int Replicas { get; init; }

    /// <summary>Gets the deployment's cost per hour in USD, or null when it does not fit (an infeasible answer is not priced).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? CostPerHourUsd { get; init; }

    /// <summary>Gets the cost per 1M input tokens in USD, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the cost per 1M output tokens in USD, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one request in USD, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? CostPerRequestUsd { get; init; }

    /// <summary>Gets the energy per output token in joules, or null when it does not fit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? EnergyJoulesPerOutputToken { get; init; }

    /// <summary>Gets how tables name the configuration: "MODEL GPUS×GPU WEIGHTS" (not part of the JSON contract).</summary>
    [JsonIgnore]
    public string Label => $"{Model} {Gpus.ToString(System.Globalization.CultureInfo.InvariantCulture)}×{Gpu} {Weights}";

    /// <summary>Gets the name of a resource bound as the JSON contract spells it.</summary>
    /// <param name="bound">The bound.</param>
    /// <returns>"memory", "compute" or "communication".</returns>
    public static string BoundName(ResourceBound bound) => bound switch
    {
        ResourceBound.Memory => "memory",
        ResourceBound.Compute => "compute",
        _ => "communication",
    };

    /// <summary>Reports an estimator result: copies the configuration and every figure from <paramref name="result"/>, and
    /// leaves the throughput, latency and cost figures null when the configuration does not fit in memory.</summary>
    /// <param name="model">The model id.</param>
    /// <param name="deployment">The deployment the result was estimated on.</param>
    /// <param name="workload">The workload it was estimated for.</param>
    /// <param name="result">The result of <see cref="InferenceEstimator.Estimate"/>.</param>
    /// <returns>The estimate.</returns>
    public static InferEstimate From(string model, InferenceDeployment deployment, InferenceWorkload workload, InferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(result);
        bool fits = result.FitsInMemory;
        return new InferEstimate
        {
            Model = model,
            Gpu = deployment.Accelerator.Id,
            Gpus = deployment.Devices,
            Tp = deployment.TensorParallel,
            Pp = deployment.PipelineParallel,
            Ep = deployment.ExpertParallel,
            Weights = deployment.Weights.Id(),
            Kv = deployment.KvCache.Id(),
            Compute = deployment.Compute.Id(),
            InputTokens = workload.InputTokens,
            OutputTokens = workload.OutputTokens,
            Concurrency = workload.Concurrency,
            TtftSeconds = Priced(fits, result.Ttft.Seconds),
            TpotSeconds = Priced(fits, result.Tpot.Seconds),
            E2eSeconds = Priced(fits, result.E2e.Seconds),
            OutputTokensPerSecond = Priced(fits, result.OutputTokensPerSecond),
            RequestsPerSecond = Priced(fits, result.RequestsPerSecond),
            MaxConcurrency = result.MaxConcurrency,
            KvCacheBytesPerToken = result.KvCacheBytesPerToken.Value,
            WeightBytesPerGpu = result.WeightBytesPerDevice.Value,
            MemoryPerGpuBytes = result.MemoryPerDevice.Value,
            FitsInMemory = fits,
            MemoryShortfallPerGpuBytes = result.MemoryShortfallPerDevice.Value,
            DecodeBound = fits ? BoundName(result.DecodeBound) : null,
            PrefillBound = fits ? BoundName(result.PrefillBound) : null,
            DecodeComputeSeconds = Priced(fits, result.DecodeParts.Compute.Seconds),
            DecodeMemorySeconds = Priced(fits, result.DecodeParts.Memory.Seconds),
            DecodeCommunicationSeconds = Priced(fits, result.DecodeParts.Communication.Seconds),
            PrefillComputeSeconds = Priced(fits, result.PrefillParts.Compute.Seconds),
            PrefillMemorySeconds = Priced(fits, result.PrefillParts.Memory.Seconds),
            PrefillCommunicationSeconds = Priced(fits, result.PrefillParts.Communication.Seconds),
            PrefillShare = Priced(fits, result.PrefillShare),
            Replicas = result.Layout.Replicas,
            CostPerHourUsd = Priced(fits, result.CostPerHour.Value),
            CostPerMillionInputTokensUsd = Priced(fits, result.CostPerMillionInputTokens.Value),
            CostPerMillionOutputTokensUsd = Priced(fits, result.CostPerMillionOutputTokens.Value),
            CostPerRequestUsd = Priced(fits, result.CostPerRequest.Value),
            EnergyJoulesPerOutputToken = Priced(fits, result.EnergyPerOutputToken.Value),
        };
    }

    private static double? Priced(bool fits, double value) => fits ? value : null;
}
