using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>What serving a workload on a deployment costs and how fast it is (definitions: docs/metrics.md, "Cost-model figures").</summary>
public sealed record InferenceResult
{
    /// <summary>Gets the time to first token: the prefill alone at batch 1; with other sequences decoding, half a decode step of
    /// waiting plus one step that prefills the prompt beside their decode tokens (chunked prefill; no waiting queue).</summary>
    public required Duration Ttft { get; init; }

    /// <summary>Gets the time per output token: one decode step at the batch in flight, context = input + output ÷ 2.</summary>
    public required Duration Tpot { get; init; }

    /// <summary>Gets the end-to-end latency: TTFT + (output − 1) × TPOT.</summary>
    public required Duration E2e { get; init; }

    /// <summary>Gets the deployment's output tokens per second.</summary>
    public required double OutputTokensPerSecond { get; init; }

    /// <summary>Gets the deployment's completed requests per second.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Gets the most concurrent requests whose KV cache fits at full context (0 when the weights alone do not fit).</summary>
    public required int MaxConcurrency { get; init; }

    /// <summary>Gets the KV cache one token occupies across the whole model.</summary>
    public required Bytes KvCacheBytesPerToken { get; init; }

    /// <summary>Gets the weights one device holds.</summary>
    public required Bytes WeightBytesPerDevice { get; init; }

    /// <summary>Gets the memory one device needs: weights + KV cache of its sequences at full context + the reserve.</summary>
    public required Bytes MemoryPerDevice { get; init; }

    /// <summary>Gets whether the deployment fits in device memory at the requested concurrency.</summary>
    public required bool FitsInMemory { get; init; }

    /// <summary>Gets the memory missing per device when it does not fit (zero when it does).</summary>
    public required Bytes MemoryShortfallPerDevice { get; init; }

    /// <summary>Gets the resource binding a decode step.</summary>
    public required ResourceBound DecodeBound { get; init; }

    /// <summary>Gets the resource binding the prefill.</summary>
    public required ResourceBound PrefillBound { get; init; }

    /// <summary>Gets the decode step's compute, memory and communication parts.</summary>
    public required (Duration Compute, Duration Memory, Duration Communication) DecodeParts { get; init; }

    /// <summary>Gets the prefill's compute, memory and communication parts.</summary>
    public required (Duration Compute, Duration Memory, Duration Communication) PrefillParts { get; init; }

    /// <summary>Gets the part of a decode step beyond the roofline: weight-only dequantization stalls and the fixed step overhead.</summary>
    public Duration DecodeOverhead { get; init; }

    /// <summary>Gets the part of the prefill beyond the roofline: weight-only dequantization stalls and the fixed step overhead.</summary>
    public Duration PrefillOverhead { get; init; }

    /// <summary>Gets the share of deployment time spent in prefill (prices input tokens).</summary>
    public required double PrefillShare { get; init; }

    /// <summary>Gets the deployment's cost per hour (devices × price per device-hour).</summary>
    public required Usd CostPerHour { get; init; }

    /// <summary>Gets the cost per 1M input tokens: the prefill share of deployment time.</summary>
    public required UsdPerMillionTokens CostPerMillionInputTokens { get; init; }

    /// <summary>Gets the cost per 1M output tokens: the decode share of deployment time.</summary>
    public required UsdPerMillionTokens CostPerMillionOutputTokens { get; init; }

    /// <summary>Gets the cost of one request (prefill and decode).</summary>
    public required Usd CostPerRequest { get; init; }

    /// <summary>Gets the energy per output token: devices × power × utilization × PUE ÷ output tokens/s.</summary>
    public required Joules EnergyPerOutputToken { get; init; }

    /// <summary>Gets the replicas the devices form and the batch each decodes.</summary>
    public required (int Replicas, double BatchPerReplica) Layout { get; init; }

    /// <summary>Gets the modelling assumptions this result rests on, each with its value and source.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
}
