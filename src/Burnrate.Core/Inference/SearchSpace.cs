using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Core.Inference;

/// <summary>What <see cref="InferenceSearch"/> enumerates: models × accelerators × device counts × TP/PP splits × weight and KV precisions × concurrencies.</summary>
public sealed record SearchSpace
{
    /// <summary>Gets the default concurrency grid: 1 to 1024, powers of two and their 1.5× midpoints.</summary>
    public static IReadOnlyList<int> DefaultConcurrencies { get; } = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024];

    /// <summary>Gets the models (several: distillation as a lever).</summary>
    public required IReadOnlyList<ModelArchitecture> Models { get; init; }

    /// <summary>Gets the accelerators with prices.</summary>
    public required IReadOnlyList<PricedAccelerator> Accelerators { get; init; }

    /// <summary>Gets the device counts; every split into TP × PP × replicas with power-of-two degrees is tried, and for MoE models
    /// also EP = TP × PP where the routed experts divide evenly.</summary>
    public IReadOnlyList<int> DeviceCounts { get; init; } = [1, 2, 4, 8];

    /// <summary>Gets the data-parallel replica counts a layout may have (devices ÷ (TP × PP)), or null for any: a split whose
    /// replica count is not listed is skipped. Throughput and cost scale with the replicas; the concurrency is spread over them.</summary>
    public IReadOnlyList<int>? Replicas { get; init; }

    /// <summary>Gets the weight precisions.</summary>
    public IReadOnlyList<Precision> Weights { get; init; } = [Precision.Bf16, Precision.Fp8, Precision.Int8, Precision.Int4];

    /// <summary>Gets the KV cache precisions.</summary>
    public IReadOnlyList<Precision> KvCaches { get; init; } = [Precision.Bf16, Precision.Fp8];

    /// <summary>Gets the concurrencies (whole deployment).</summary>
    public IReadOnlyList<int> Concurrencies { get; init; } = DefaultConcurrencies;

    /// <summary>Gets the prompt tokens per request.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per request.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the latency targets.</summary>
    public required ServiceLevelObjective Slo { get; init; }

    /// <summary>Gets the most the deployment may cost per hour, or null for no limit.</summary>
    public Usd? BudgetPerHour { get; init; }

    /// <summary>Gets the efficiency factors.</summary>
    public EfficiencyFactors Efficiency { get; init; } = EfficiencyFactors.Default;

    /// <summary>Gets the memory reserve share.</summary>
    public double MemoryReserve { get; init; } = InferenceDeployment.DefaultMemoryReserve;

    /// <summary>Gets the share of TDP drawn.</summary>
    public double PowerUtilization { get; init; } = 1;

    /// <summary>Gets the fixed time of one collective.</summary>
    public Duration CollectiveLatency { get; init; } = InferenceDeployment.DefaultCollectiveLatency;

    /// <summary>Gets the per-hop time of one collective.</summary>
    public Duration CollectiveHopLatency { get; init; } = InferenceDeployment.DefaultCollectiveHopLatency;

    /// <summary>Gets the PUE.</summary>
    public double Pue { get; init; } = 1;

    /// <summary>Gets how many cheapest distinct hardware configurations to keep.</summary>
    public int Keep { get; init; } = 10;

    /// <summary>Checks every field against its documented finite range: at least one model, accelerator, device count, weight
    /// and KV precision and concurrency; device counts in [1, 1,048,576]; concurrencies in [1, 1,000,000]; input and output
    /// tokens in [1, 10,000,000]; SLOs in (0, 1e6] s; a budget in (0, 1e9] USD per hour; keep in [1, 10,000].</summary>
    /// <returns>Every bad field; empty when the space is valid.</returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var checks = new FieldChecks()
            .Require(Models is not null, "models", "", "at least one model")
            .NotEmpty("models", Models, "at least one model")
            .Require(Accelerators is not null, "gpusAllowed", "", "at least one accelerator with a price and a TDP")
            .NotEmpty("gpusAllowed", Accelerators, "at least one accelerator with a price and a TDP")
            .Require(DeviceCounts is not null, "maxDevices", "", "at least one device count")
            .NotEmpty("maxDevices", DeviceCounts, "at least one device count")
            .Require(Weights is not null, "weights", "", "at least one weight precision, comma-separated")
            .NotEmpty("weights", Weights, "at least one weight precision, comma-separated")
            .Require(KvCaches is not null, "kvCache", "", "at least one KV cache precision, comma-separated")
            .NotEmpty("kvCache", KvCaches, "at least one KV cache precision, comma-separated")
            .Require(Concurrencies is not null, "concurrency", "", "at least one concurrency, comma-separated")
            .NotEmpty("concurrency", Concurrencies, "at least one concurrency, comma-separated")
            .NotEmpty("replicas", Replicas, "at least one replica count, or none to try every split")
            .Whole("input", InputTokens, 1, 10_000_000, "tokens")
            .Whole("output", OutputTokens, 1, 10_000_000, "tokens")
            .Positive("sloTtft", Slo.Ttft.Seconds, 1e6, "s")
            .Positive("sloTpot", Slo.Tpot.Seconds, 1e6, "s")
            .Positive("budgetUsdPerHour", BudgetPerHour?.Value, 1e9, "USD per hour")
            .Whole("top", Keep, 1, 10_000);
        foreach (int devices in (DeviceCounts ?? []).Where(d => d is < 1 or > 1 << 20).Take(1))
        {
            checks.Whole("maxDevices", devices, 1, 1 << 20);
        }

        foreach (int replicas in (Replicas ?? []).Where(r => r is < 1 or > 1 << 20).Take(1))
        {
            checks.Whole("replicas", replicas, 1, 1 << 20);
        }

        foreach (int concurrency in (Concurrencies ?? []).Where(c => c is < 1 or > 1_000_000).Take(1))
        {
            checks.Whole("concurrency", concurrency, 1, 1_000_000);
        }

        return checks;
    }
}
