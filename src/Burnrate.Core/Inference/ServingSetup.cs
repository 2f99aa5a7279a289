using Burnrate.Core.Hardware;

namespace Burnrate.Core.Inference;

/// <summary>Model × deployment × efficiency constants, precomputed once per configuration for the kernel.</summary>
internal readonly struct ServingSetup
{
    /// <summary>Bytes of an activation element: bf16, whatever the weight or matmul precision.</summary>
    public const double ActivationBytes = 2;

    public ServingSetup(in ModelProfile model, InferenceDeployment deployment, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(efficiency);
        Model = model;
        Tp = deployment.TensorParallel;
        Pp = deployment.PipelineParallel;
        Ep = deployment.ExpertParallel;
        Replicas = deployment.Replicas;
        Devices = deployment.Devices;
        WeightBytesPerElement = deployment.Weights.BytesPerElement();
        KvBytesPerElement = deployment.KvCache.BytesPerElement();
        FlopRate = deployment.Accelerator.PeakFlops[deployment.Compute].Value * efficiency.Compute;
        ByteRate = deployment.Accelerator.MemoryBandwidth.Value * efficiency.Bandwidth;
        // The catalog's interconnect figure is the bidirectional aggregate; a ring all-reduce sends one way per link step.
        LinkRate = deployment.Accelerator.InterconnectBandwidth.Value / 2 * efficiency.Communication;
        MemoryBytes = deployment.Accelerator.Memory.Value;
        UsableMemoryBytes = MemoryBytes * (1 - deployment.MemoryReserve);
        ReserveBytes = MemoryBytes * deployment.MemoryReserve;
        CostPerSecond = deployment.Devices * deployment.PricePerDeviceHour.Value / 3600;
        DeploymentWatts = deployment.Devices * deployment.DevicePower.Value * deployment.PowerUtilization * deployment.Pue;
        WeightBytesPerDevice = model.TotalParams * WeightBytesPerElement / (Tp * Pp);
        KvBytesPerToken = model.KvElementsPerToken * KvBytesPerElement;
        KvBytesPerTokenPerDevice = KvBytesPerToken / (Pp * Math.Min(Tp, model.KvShardLimit));
    }

    public ModelProfile Model { get; }

    public int Tp { get; }

    public int Pp { get; }

    public int Ep { get; }

    public int Replicas { get; }

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
}
