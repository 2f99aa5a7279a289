using Burnrate.Core.Hardware;

namespace Burnrate.Core.Inference;

/// <summary>Model × deployment × efficiency constants, precomputed once per configuration for the kernel.</summary>
internal readonly struct ServingSetup
{
    /// <summary>Bytes of an activation element: bf16, whatever the weight or matmul precision.</summary>
    public const double ActivationBytes = 2;

    public ServingSetup(in ModelProfile model, InferenceDeployment deployment, EfficiencyFactors efficiency)
        : this(
            model,
            deployment is null ? throw new ArgumentNullException(nameof(deployment)) : new Layout(deployment.Devices, deployment.TensorParallel, deployment.PipelineParallel, deployment.ExpertParallel, deployment.CollectiveLatency.Seconds)
            {
                HopLatencySeconds = deployment.CollectiveHopLatency.Seconds,
                StepOverheadSeconds = deployment.StepOverhead.Seconds,
            },
            deployment.Accelerator.PeakFlops[deployment.Compute].Value,
            deployment.Accelerator.MemoryBandwidth.Value,
            deployment.Accelerator.InterconnectBandwidth.Value,
            deployment.Accelerator.Memory.Value,
            new Formats(deployment.Weights.BytesPerElement(deployment.WeightGroupSize), deployment.KvCache.BytesPerElement(), (efficiency ?? throw new ArgumentNullException(nameof(efficiency))).WeightRead(deployment.Weights, deployment.Compute)),
            efficiency,
            new Money(deployment.MemoryReserve, deployment.PricePerDeviceHour.Value, deployment.DevicePower.Value * deployment.PowerUtilization * deployment.Pue))
    {
    }

    /// <summary>Initializes the constants from primitives (the search's allocation-free path).</summary>
    public ServingSetup(in ModelProfile model, Layout layout, double peakFlops, double memoryBandwidth, double interconnect, double memory, Formats formats, EfficiencyFactors efficiency, Money money)
    {
        ArgumentNullException.ThrowIfNull(efficiency);
        double weightBytes = formats.WeightBytes;
        double kvBytes = formats.KvBytes;
        Efficiency = efficiency;
        PeakFlops = peakFlops;
        WeightRead = formats.WeightRead;
        HopLatencySeconds = layout.HopLatencySeconds;
        StepOverheadSeconds = layout.StepOverheadSeconds;
        Model = model;
        Tp = layout.Tp;
        Pp = layout.Pp;
        Ep = layout.Ep;
        Devices = layout.Devices;
        CollectiveLatencySeconds = layout.CollectiveLatencySeconds;
        Replicas = layout.Devices / (layout.Tp * layout.Pp);
        WeightBytesPerElement = weightBytes;
        KvBytesPerElement = kvBytes;
        FlopRate = peakFlops * efficiency.Compute;
        ByteRate = memoryBandwidth * efficiency.Bandwidth;
        // The catalog's interconnect figure is the bidirectional aggregate; a ring all-reduce sends one way per link step.
        LinkRate = interconnect / 2 * efficiency.Communication;
        MemoryBytes = memory;
        UsableMemoryBytes = memory * (1 - money.MemoryReserve);
        ReserveBytes = memory * money.MemoryReserve;
        CostPerSecond = Devices * money.PricePerDeviceHour / 3600;
        DeploymentWatts = Devices * money.WattsPerDevice;
        WeightBytesPerDevice = model.TotalParams * WeightBytesPerElement / (Tp * Pp);
        KvBytesPerToken = model.KvElementsPerToken * KvBytesPerElement;
        KvBytesPerTokenPerDevice = KvBytesPerToken / (Pp * Math.Min(Tp, model.KvShardLimit));
        // Distinct devices holding a token's k experts under uniform routing: ep·(1 − (1 − 1/ep)^k).
        EpDevicesPerToken = Ep > 1 ? Ep * (1 - Math.Pow(1 - (1.0 / Ep), model.ExpertsPerToken)) : 1;
    }

    /// <summary>Devices, parallel degrees, the fixed time of one collective, its per-hop time and the fixed time of a step.</summary>
    public readonly record struct Layout(int Devices, int Tp, int Pp, int Ep, double CollectiveLatencySeconds)
    {
        public double HopLatencySeconds { get; init; } = InferenceDeployment.DefaultCollectiveHopLatency.Seconds;

        public double StepOverheadSeconds { get; init; }
    }

    /// <summary>Bytes per weight element (quantization metadata included), per KV element, and the weight-only read ratio.</summary>
    public readonly record struct Formats(double WeightBytes, double KvBytes, double WeightRead);

    /// <summary>Memory reserve share, USD per device-hour, and wall watts per device (power × utilization × PUE).</summary>
    public readonly record struct Money(double MemoryReserve, double PricePerDeviceHour, double WattsPerDevice);

    public ModelProfile Model { get; }

    public EfficiencyFactors Efficiency { get; }

    /// <summary>Gets the peak FLOP/s of one device at the matmul precision.</summary>
    public double PeakFlops { get; }

    /// <summary>Gets the achieved weight-read rate of the weight format relative to 16-bit weights (1 unless weight-only).</summary>
    public double WeightRead { get; }

    public double HopLatencySeconds { get; }

    public double StepOverheadSeconds { get; }

    public int Tp { get; }

    public int Pp { get; }

    public int Ep { get; }

    public int Replicas { get; }

    public double CollectiveLatencySeconds { get; }

    public int Devices { get; }

    public double WeightBytesPerElement { get; }

    public double KvBytesPerElement { get; }

    /// <summary>Gets the effective FLOP/s of one device: peak × compute efficiency.</summary>
    public double FlopRate { get; }

    /// <summary>Gets the effective memory bandwidth of one device: peak × bandwidth efficiency.</summary>
    public double ByteRate { get; }

    /// <summary>Gets the effective one-direction interconnect bandwidth of one device: aggregate ÷ 2 × communication efficiency.</summary>
    public double LinkRate { get; }

    public double MemoryBytes { get; }

    public double UsableMemoryBytes { get; }

    public double ReserveBytes { get; }

    public double CostPerSecond { get; }

    public double DeploymentWatts { get; }

    public double WeightBytesPerDevice { get; }

    public double KvBytesPerToken { get; }

    public double KvBytesPerTokenPerDevice { get; }

    public double EpDevicesPerToken { get; }
}
