using Burnrate.Catalog.Resolution;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Services;

/// <summary>
/// What <see cref="OptimizeService.Run"/> searches: the models, the latency targets, the accelerators, device counts,
/// precisions and concurrencies to try, an hourly budget, and the serving and price settings every configuration shares.
/// Null fields take the sourced defaults, and the report says which values were defaults.
/// </summary>
public sealed record OptimizeRequest
{
    /// <summary>The default time-to-first-token target: 500 ms.</summary>
    public static readonly Duration DefaultSloTtft = DurationText.Parse("sloTtft", "500ms");

    /// <summary>The default time-per-output-token target: 50 ms.</summary>
    public static readonly Duration DefaultSloTpot = DurationText.Parse("sloTpot", "50ms");

    /// <summary>The most model ids one search takes (<see cref="Models"/>).</summary>
    public const int MaxModels = 32;

    /// <summary>The most accelerator ids one search takes (<see cref="GpusAllowed"/>).</summary>
    public const int MaxAccelerators = 64;

    /// <summary>The most precisions one search takes per list (<see cref="Weights"/>, <see cref="KvCache"/>): more than there are formats.</summary>
    public const int MaxPrecisions = 16;

    /// <summary>The most concurrencies one search takes (<see cref="Concurrency"/>; the default list has 22).</summary>
    public const int MaxConcurrencies = 256;

    /// <summary>The most replica counts one search takes (<see cref="Replicas"/>).</summary>
    public const int MaxReplicaCounts = 64;

    private const string SearchCap = "in one search (its time grows with the product of the lists; split it)";

    /// <summary>Gets the catalog model ids or config.json paths (at least one; a smaller model is a distillation lever).</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Gets the largest acceptable time to first token (default 500 ms).</summary>
    public Duration? SloTtft { get; init; }

    /// <summary>Gets the largest acceptable time per output token (default 50 ms).</summary>
    public Duration? SloTpot { get; init; }

    /// <summary>Gets the accelerator ids to consider (empty: every catalog accelerator with a price and a TDP).</summary>
    public IReadOnlyList<string> GpusAllowed { get; init; } = [];

    /// <summary>Gets the most devices in a deployment; the powers of two up to it are tried (default 8).</summary>
    public int? MaxDevices { get; init; }

    /// <summary>Gets the data-parallel replica counts to try (each replica TP × PP devices, powers of two; the deployment,
    /// replicas × TP × PP, at most <see cref="MaxDevices"/>), or null for every power-of-two split of the power-of-two device counts.</summary>
    public IReadOnlyList<int>? Replicas { get; init; }

    /// <summary>Gets the most a deployment may cost per hour in USD, or null for no budget.</summary>
    public double? BudgetUsdPerHour { get; init; }

    /// <summary>Gets the weight precision ids to try (default bf16, fp8, int8, int4).</summary>
    public IReadOnlyList<string>? Weights { get; init; }

    /// <summary>Gets the KV-cache precision ids to try (default bf16, fp8).</summary>
    public IReadOnlyList<string>? KvCache { get; init; }

    /// <summary>Gets the concurrencies to try (default <see cref="SearchSpace.DefaultConcurrencies"/>).</summary>
    public IReadOnlyList<int>? Concurrency { get; init; }

    /// <summary>Gets how many of the cheapest configurations to report (default 5).</summary>
    public int? Top { get; init; }

    /// <summary>Gets the prompt tokens per request (default <see cref="ServingDefaults.InputTokens"/>).</summary>
    public int? InputTokens { get; init; }

    /// <summary>Gets the generated tokens per request (default <see cref="ServingDefaults.OutputTokens"/>).</summary>
    public int? OutputTokens { get; init; }

    /// <summary>Gets the achieved ÷ peak FLOP/s in (0, 1], or null for the default.</summary>
    public double? ComputeEfficiency { get; init; }

    /// <summary>Gets the achieved ÷ peak memory bandwidth in (0, 1], or null for the default.</summary>
    public double? BandwidthEfficiency { get; init; }

    /// <summary>Gets the achieved ÷ peak interconnect bandwidth in (0, 1], or null for the default.</summary>
    public double? CommunicationEfficiency { get; init; }

    /// <summary>Gets the path of a burnrate-calibration JSON file with the three factors (excludes them), or null.</summary>
    public string? CalibrationFile { get; init; }

    /// <summary>Gets the share of device memory held back for activations and workspace, in [0, 1).</summary>
    public double? MemoryReserve { get; init; }

    /// <summary>Gets the share of TDP drawn while serving, in (0, 1].</summary>
    public double? PowerUtilization { get; init; }

    /// <summary>Gets the fixed time of one collective, at most 1 s.</summary>
    public Duration? CollectiveLatency { get; init; }

    /// <summary>Gets the price policy's inputs, applied to every accelerator.</summary>
    public PriceRequest Price { get; init; } = new();

    /// <summary>Checks every field against its documented finite range (ids are checked against the catalog when running).</summary>
    /// <returns>Every bad field; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var checks = new FieldChecks()
            .Require(Models is not null, "models", "", "one or more catalog model ids or config.json paths")
            .NotEmpty("models", Models, "one or more catalog model ids or config.json paths")
            .Whole("input", InputTokens, 1, 10_000_000, "tokens")
            .Whole("output", OutputTokens, 1, 10_000_000, "tokens")
            .Fraction("computeEfficiency", ComputeEfficiency)
            .Fraction("bandwidthEfficiency", BandwidthEfficiency)
            .Fraction("communicationEfficiency", CommunicationEfficiency)
            .Require(
                CalibrationFile is null || (ComputeEfficiency is null && BandwidthEfficiency is null && CommunicationEfficiency is null),
                "calibration", CalibrationFile ?? "", "either a calibration file or efficiency factors, not both")
            .Range("memoryReserve", MemoryReserve, 0, 1, maxExclusive: true)
            .Fraction("powerUtilization", PowerUtilization)
            .Range("collectiveLatency", CollectiveLatency?.Seconds, 0, 1, unit: "s")
            .Positive("sloTtft", SloTtft?.Seconds, 1e6, "s")
            .Positive("sloTpot", SloTpot?.Seconds, 1e6, "s")
            .Whole("maxDevices", MaxDevices, 1, 1 << 20)
            .Positive("budgetUsdPerHour", BudgetUsdPerHour, 1e9, "USD per hour")
            .Whole("top", Top, 1, 10_000)
            .NotEmpty("weights", Weights, "at least " + ServingDefaults.OneOf(ServingDefaults.WeightFormats))
            .NotEmpty("kvCache", KvCache, "at least " + ServingDefaults.OneOf(ServingDefaults.KvFormats))
            .NotEmpty("concurrency", Concurrency, "at least one whole number in [1, 1000000]")
            .NotEmpty("replicas", Replicas, "at least one whole number in [1, 1048576]");

        // The search tries every combination of these lists, so its time grows with their product: each list is capped, and a
        // list over its cap is refused as a whole (its entries are not checked one by one: a 1 MB request body holds 200,000).
        checks.AtMost("models", Models, MaxModels, SearchCap, out bool modelsFit);
        checks.AtMost("gpusAllowed", GpusAllowed, MaxAccelerators, SearchCap, out _);
        checks.AtMost("weights", Weights, MaxPrecisions, SearchCap, out bool weightsFit);
        checks.AtMost("kvCache", KvCache, MaxPrecisions, SearchCap, out bool kvFit);
        checks.AtMost("concurrency", Concurrency, MaxConcurrencies, SearchCap, out bool concurrencyFits);
        checks.AtMost("replicas", Replicas, MaxReplicaCounts, SearchCap, out bool replicasFit);
        foreach (string? model in modelsFit ? Models ?? [] : [])
        {
            checks.Require(!string.IsNullOrWhiteSpace(model), "models", "\"" + model + "\"", "catalog model ids or config.json paths, none blank");
        }

        foreach (string id in weightsFit ? Weights ?? [] : [])
        {
            Precisions.Check(checks, "weights", id, ServingDefaults.WeightFormats);
        }

        foreach (string id in kvFit ? KvCache ?? [] : [])
        {
            Precisions.Check(checks, "kvCache", id, ServingDefaults.KvFormats);
        }

        foreach (int c in concurrencyFits ? Concurrency ?? [] : [])
        {
            checks.Whole("concurrency", c, 1, 1_000_000);
        }

        foreach (int r in replicasFit ? Replicas ?? [] : [])
        {
            checks.Whole("replicas", r, 1, 1 << 20);
        }

        return checks.AddRange((Price ?? new PriceRequest()).Validate());
    }
}
