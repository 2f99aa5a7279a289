using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Core.Quantities;

namespace Burnrate.Web.Api;

/// <summary>The price options every cost-model body shares (the CLI's <c>--gpu-hour-usd</c>, <c>--owned</c>, … in camelCase).</summary>
public abstract record PriceBody
{
    /// <summary>Gets the price per GPU-hour in USD (<c>--gpu-hour-usd</c>).</summary>
    public double? GpuHourUsd { get; init; }

    /// <summary>Gets whether the hardware is owned (<c>--owned</c>): priced from purchase, power and amortization.</summary>
    public bool? Owned { get; init; }

    /// <summary>Gets the purchase price per device in USD (<c>--purchase-usd</c>).</summary>
    public double? PurchaseUsd { get; init; }

    /// <summary>Gets the amortization period in years (<c>--amortization-years</c>).</summary>
    public double? AmortizationYears { get; init; }

    /// <summary>Gets the server cost ÷ GPU cost multiplier (<c>--system-cost-multiplier</c>).</summary>
    public double? SystemCostMultiplier { get; init; }

    /// <summary>Gets the electricity price in USD per kWh (<c>--electricity-usd-per-kwh</c>).</summary>
    public double? ElectricityUsdPerKWh { get; init; }

    /// <summary>Gets the power usage effectiveness (<c>--pue</c>).</summary>
    public double? Pue { get; init; }

    /// <summary>Gets the device power in watts (<c>--device-watts</c>).</summary>
    public double? DeviceWatts { get; init; }

    /// <summary>Maps the price options to the library's request.</summary>
    internal PriceRequest Price() => new()
    {
        GpuHourUsd = GpuHourUsd,
        Owned = Owned ?? false,
        PurchaseUsd = PurchaseUsd,
        AmortizationYears = AmortizationYears,
        SystemCostMultiplier = SystemCostMultiplier,
        ElectricityUsdPerKWh = ElectricityUsdPerKWh,
        Pue = Pue,
        DeviceWatts = DeviceWatts,
    };

    /// <summary>Parses an optional duration such as "500ms" with the library's parser (errors name <paramref name="field"/>).</summary>
    internal static Duration? Time(string field, string? text) => text is null ? null : DurationText.Parse(field, text);
}

/// <summary>The serving options infer and optimize share (the CLI's <c>--input</c>, <c>--output</c>, efficiencies, memory reserve,
/// power and collective latency, in camelCase), besides the price options.</summary>
public abstract record ServingBody : PriceBody
{
    /// <summary>Gets the prompt tokens per request (<c>--input</c>).</summary>
    public int? Input { get; init; }

    /// <summary>Gets the generated tokens per request (<c>--output</c>).</summary>
    public int? Output { get; init; }

    /// <summary>Gets the achieved ÷ peak FLOP/s (<c>--compute-efficiency</c>).</summary>
    public double? ComputeEfficiency { get; init; }

    /// <summary>Gets the achieved ÷ peak memory bandwidth (<c>--bandwidth-efficiency</c>).</summary>
    public double? BandwidthEfficiency { get; init; }

    /// <summary>Gets the achieved ÷ peak interconnect bandwidth (<c>--communication-efficiency</c>).</summary>
    public double? CommunicationEfficiency { get; init; }

    /// <summary>Gets the memory held back per device (<c>--memory-reserve</c>).</summary>
    public double? MemoryReserve { get; init; }

    /// <summary>Gets the power drawn ÷ TDP (<c>--power-utilization</c>).</summary>
    public double? PowerUtilization { get; init; }

    /// <summary>Gets the latency of one collective, e.g. "12us" (<c>--collective-latency</c>).</summary>
    public string? CollectiveLatency { get; init; }
}

/// <summary>A configuration to show beside the first (<c>--compare MODEL:GPU:WEIGHTS[:GPUS]</c> as an object).</summary>
/// <param name="Model">A catalog model id.</param>
/// <param name="Gpu">A catalog accelerator id.</param>
/// <param name="Weights">The weight precision.</param>
/// <param name="Gpus">The devices, or null for the first configuration's.</param>
public sealed record InferCompareBody(string? Model, string? Gpu, string? Weights, int? Gpus);

/// <summary><c>POST /api/infer</c>: <c>burnrate infer</c>'s options in camelCase, e.g.
/// <c>{"model": "llama-3.1-70b", "gpu": "h100-sxm", "gpus": 4, "weights": "fp8", "input": 2000, "output": 500, "concurrency": 64}</c>.</summary>
public sealed record InferBody : ServingBody
{
    /// <summary>Gets the catalog model id.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the catalog accelerator id (<c>--gpu</c>).</summary>
    public string? Gpu { get; init; }

    /// <summary>Gets the devices (<c>--gpus</c>, default 1, or replicas × tp × pp).</summary>
    public int? Gpus { get; init; }

    /// <summary>Gets the data-parallel replicas (<c>--replicas</c>).</summary>
    public int? Replicas { get; init; }

    /// <summary>Gets the tensor-parallel degree (<c>--tp</c>).</summary>
    public int? Tp { get; init; }

    /// <summary>Gets the pipeline-parallel degree (<c>--pp</c>).</summary>
    public int? Pp { get; init; }

    /// <summary>Gets the expert-parallel degree (<c>--ep</c>).</summary>
    public int? Ep { get; init; }

    /// <summary>Gets the weight precision (<c>--weights</c>).</summary>
    public string? Weights { get; init; }

    /// <summary>Gets the KV-cache precision (<c>--kv</c>).</summary>
    public string? Kv { get; init; }

    /// <summary>Gets the compute precision (<c>--compute</c>).</summary>
    public string? Compute { get; init; }

    /// <summary>Gets the requests in flight (<c>--concurrency</c>).</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the concurrencies to sweep (<c>--sweep-concurrency</c>).</summary>
    public IReadOnlyList<int>? SweepConcurrency { get; init; }

    /// <summary>Gets the configurations to compare (<c>--compare</c>).</summary>
    public IReadOnlyList<InferCompareBody>? Compare { get; init; }

    /// <summary>Gets whether to split the decode step and the prefill by part (<c>--breakdown</c>).</summary>
    public bool? Breakdown { get; init; }

    /// <summary>Maps the body to the library's request (the library validates it).</summary>
    internal InferRequest ToRequest() => new()
    {
        Deployment = new DeploymentRequest
        {
            Model = Model ?? "",
            Gpu = Gpu ?? "",
            Gpus = Gpus,
            Replicas = Replicas,
            TensorParallel = Tp,
            PipelineParallel = Pp,
            ExpertParallel = Ep,
            Weights = Weights,
            KvCache = Kv,
            Compute = Compute,
            MemoryReserve = MemoryReserve,
            PowerUtilization = PowerUtilization,
            CollectiveLatency = Time("collectiveLatency", CollectiveLatency),
            Price = Price(),
        },
        InputTokens = Input,
        OutputTokens = Output,
        Concurrency = Concurrency,
        ComputeEfficiency = ComputeEfficiency,
        BandwidthEfficiency = BandwidthEfficiency,
        CommunicationEfficiency = CommunicationEfficiency,
        SweepConcurrency = SweepConcurrency ?? [],
        Compare = [.. (Compare ?? []).Select(c => new InferCompareTarget(c.Model ?? "", c.Gpu ?? "", c.Weights ?? "", c.Gpus))],
        Breakdown = Breakdown ?? false,
    };
}

/// <summary><c>POST /api/optimize</c>: <c>burnrate optimize</c>'s options in camelCase, e.g.
/// <c>{"models": ["llama-3.1-8b"], "sloTtft": "500ms", "sloTpot": "50ms", "gpusAllowed": ["h100-sxm"], "maxDevices": 2}</c>.</summary>
public sealed record OptimizeBody : ServingBody
{
    /// <summary>Gets the catalog model ids.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Gets the TTFT objective, e.g. "500ms" (<c>--slo-ttft</c>).</summary>
    public string? SloTtft { get; init; }

    /// <summary>Gets the TPOT objective, e.g. "50ms" (<c>--slo-tpot</c>).</summary>
    public string? SloTpot { get; init; }

    /// <summary>Gets the accelerators to search (<c>--gpus-allowed</c>; empty: all).</summary>
    public IReadOnlyList<string>? GpusAllowed { get; init; }

    /// <summary>Gets the most devices per configuration (<c>--max-devices</c>).</summary>
    public int? MaxDevices { get; init; }

    /// <summary>Gets the replica counts to try (<c>--replicas</c>; null: every power-of-two split).</summary>
    public IReadOnlyList<int>? Replicas { get; init; }

    /// <summary>Gets the most USD per hour (<c>--budget-usd-per-hour</c>).</summary>
    public double? BudgetUsdPerHour { get; init; }

    /// <summary>Gets the weight precisions to search (<c>--weights</c>).</summary>
    public IReadOnlyList<string>? Weights { get; init; }

    /// <summary>Gets the KV-cache precisions to search (<c>--kv</c>).</summary>
    public IReadOnlyList<string>? Kv { get; init; }

    /// <summary>Gets the concurrencies to search (<c>--concurrency</c>).</summary>
    public IReadOnlyList<int>? Concurrency { get; init; }

    /// <summary>Gets how many configurations to list (<c>--top</c>).</summary>
    public int? Top { get; init; }

    /// <summary>Maps the body to the library's request (the library validates it).</summary>
    internal OptimizeRequest ToRequest() => new()
    {
        Models = Models ?? [],
        SloTtft = Time("sloTtft", SloTtft),
        SloTpot = Time("sloTpot", SloTpot),
        GpusAllowed = GpusAllowed ?? [],
        MaxDevices = MaxDevices,
        Replicas = Replicas,
        BudgetUsdPerHour = BudgetUsdPerHour,
        Weights = Weights,
        KvCache = Kv,
        Concurrency = Concurrency,
        Top = Top,
        InputTokens = Input,
        OutputTokens = Output,
        ComputeEfficiency = ComputeEfficiency,
        BandwidthEfficiency = BandwidthEfficiency,
        CommunicationEfficiency = CommunicationEfficiency,
        MemoryReserve = MemoryReserve,
        PowerUtilization = PowerUtilization,
        CollectiveLatency = Time("collectiveLatency", CollectiveLatency),
        Price = Price(),
    };
}

/// <summary><c>POST /api/train</c>: <c>burnrate train</c>'s options in camelCase, tokens as a number, e.g.
/// <c>{"model": "llama-3.1-70b", "tokens": 15e12, "gpu": "h100-sxm", "gpus": 2048}</c>.</summary>
public sealed record TrainBody : PriceBody
{
    /// <summary>Gets the catalog model id or a bare parameter count such as "70B".</summary>
    public string? Model { get; init; }

    /// <summary>Gets the training tokens (<c>--tokens</c>).</summary>
    public double? Tokens { get; init; }

    /// <summary>Gets the catalog accelerator id (<c>--gpu</c>).</summary>
    public string? Gpu { get; init; }

    /// <summary>Gets the devices (<c>--gpus</c>), or null with <see cref="Days"/>.</summary>
    public int? Gpus { get; init; }

    /// <summary>Gets the wall-clock target in days (<c>--days</c>): the devices needed are computed.</summary>
    public double? Days { get; init; }

    /// <summary>Gets the sequence length (<c>--seq-len</c>).</summary>
    public int? SeqLen { get; init; }

    /// <summary>Gets the training precision (<c>--precision</c>).</summary>
    public string? Precision { get; init; }

    /// <summary>Gets the model FLOPs utilization (<c>--mfu</c>).</summary>
    public double? Mfu { get; init; }

    /// <summary>Gets the tensor-parallel degree (<c>--tp</c>).</summary>
    public int? Tp { get; init; }

    /// <summary>Gets the pipeline-parallel degree (<c>--pp</c>).</summary>
    public int? Pp { get; init; }

    /// <summary>Gets the data-parallel degree (<c>--dp</c>).</summary>
    public int? Dp { get; init; }

    /// <summary>Gets the expert-parallel degree (<c>--ep</c>).</summary>
    public int? Ep { get; init; }

    /// <summary>Gets the ZeRO stage (<c>--zero</c>).</summary>
    public int? Zero { get; init; }

    /// <summary>Gets whether parameters, gradients and optimizer states are fully sharded (<c>--fsdp</c>).</summary>
    public bool? Fsdp { get; init; }

    /// <summary>Gets the activation recomputation (<c>--recompute</c>).</summary>
    public string? Recompute { get; init; }

    /// <summary>Gets the micro-batch in sequences (<c>--micro-batch</c>).</summary>
    public int? MicroBatch { get; init; }

    /// <summary>Gets the global batch in sequences (<c>--global-batch</c>).</summary>
    public int? GlobalBatch { get; init; }

    /// <summary>Gets how attention FLOPs are counted (<c>--attention-flops</c>).</summary>
    public string? AttentionFlops { get; init; }

    /// <summary>Gets the grid carbon intensity in kg CO2e per kWh (<c>--grid-kg-co2-per-kwh</c>).</summary>
    public double? GridKgCo2PerKWh { get; init; }

    /// <summary>Gets the job interruptions per device-hour of running (<c>--interruptions-per-device-hour</c>; 0 turns them off).</summary>
    public double? InterruptionsPerDeviceHour { get; init; }

    /// <summary>Gets the minutes one interruption costs the whole job (<c>--minutes-lost-per-interruption</c>).</summary>
    public double? MinutesLostPerInterruption { get; init; }

    /// <summary>Gets the share of the tensor-parallel all-reduces hidden behind compute, 0–1 (<c>--tp-comm-overlap</c>).</summary>
    public double? TpCommOverlap { get; init; }

    /// <summary>Maps the body to the library's request (the library validates it).</summary>
    internal TrainRequest ToRequest() => new()
    {
        Model = Model ?? "",
        Tokens = Tokens ?? 0,
        Gpu = Gpu ?? "",
        Gpus = Gpus,
        Days = Days,
        SequenceLength = SeqLen,
        Precision = Precision,
        Mfu = Mfu,
        TensorParallel = Tp,
        PipelineParallel = Pp,
        DataParallel = Dp,
        ExpertParallel = Ep,
        Zero = Zero,
        Fsdp = Fsdp ?? false,
        Recompute = Recompute,
        MicroBatch = MicroBatch,
        GlobalBatch = GlobalBatch,
        AttentionFlops = AttentionFlops,
        GridKgCo2PerKWh = GridKgCo2PerKWh,
        InterruptionsPerDeviceHour = InterruptionsPerDeviceHour,
        MinutesLostPerInterruption = MinutesLostPerInterruption,
        TpCommOverlap = TpCommOverlap,
        Price = Price(),
    };
}
