using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>What a training run costs: FLOPs, time, device-hours, energy, money, emissions and memory per device.</summary>
public sealed record TrainingEstimate
{
    /// <summary>Gets the run estimated.</summary>
    public required TrainingRun Run { get; init; }

    /// <summary>Gets the layout used (DP derived from the device count).</summary>
    public required Parallelism Layout { get; init; }

    /// <summary>Gets the model FLOPs: (6·N_active + attention + multi-token prediction modules) × T; what MFU is measured against.</summary>
    public required Flop ModelFlops { get; init; }

    /// <summary>Gets the attention part of <see cref="ModelFlops"/>.</summary>
    public required Flop AttentionFlops { get; init; }

    /// <summary>Gets the multi-token prediction part of <see cref="ModelFlops"/> (zero unless the model trains MTP modules).</summary>
    public Flop MtpFlops { get; init; }

    /// <summary>Gets the FLOPs the hardware executes including recomputation (what HFU is measured against).</summary>
    public required Flop HardwareFlops { get; init; }

    /// <summary>Gets the dense peak of one device at the run's precision.</summary>
    public required FlopPerSecond PeakPerDevice { get; init; }

    /// <summary>Gets the time the devices spend training: model FLOPs ÷ (devices × peak × MFU).</summary>
    public required Duration RunningTime { get; init; }

    /// <summary>Gets the time lost to interruptions as a fraction of <see cref="RunningTime"/>.</summary>
    public required double InterruptionOverhead { get; init; }

    /// <summary>Gets the wall-clock time: <see cref="RunningTime"/> × (1 + <see cref="InterruptionOverhead"/>).</summary>
    public required Duration WallClock { get; init; }

    /// <summary>Gets the device-hours: devices × wall-clock.</summary>
    public required GpuHours GpuHours { get; init; }

    /// <summary>Gets the facility energy: devices × power × PUE × wall-clock.</summary>
    public required Joules Energy { get; init; }

    /// <summary>Gets the cost: device-hours × price per device-hour.</summary>
    public required Usd Cost { get; init; }

    /// <summary>Gets the emissions: energy × grid carbon intensity.</summary>
    public required EmissionsCo2e Emissions { get; init; }

    /// <summary>Gets the hardware FLOPs utilization implied by the MFU: MFU × hardware ÷ model FLOPs.</summary>
    public required double Hfu { get; init; }

    /// <summary>Gets the training throughput in tokens per second across all devices.</summary>
    public required double TokensPerSecond { get; init; }

    /// <summary>Gets the memory per device for the run's layout.</summary>
    public required MemoryBreakdown Memory { get; init; }

    /// <summary>Gets the memory capacity of one device.</summary>
    public required Bytes DeviceMemory { get; init; }

    /// <summary>Gets whether <see cref="Memory"/> fits in <see cref="DeviceMemory"/>.</summary>
    public bool FitsInMemory => Memory.Total <= DeviceMemory;

    /// <summary>Gets how much more memory the run's layout needs than one device has (zero when it fits).</summary>
    public Bytes Shortfall => FitsInMemory ? Bytes.Zero : Memory.Total - DeviceMemory;

    /// <summary>Gets the layout the device count allows that needs the least memory per device.</summary>
    public required LayoutMemory LeastMemory { get; init; }

    /// <summary>Gets whether some layout the device count allows fits in memory.</summary>
    public bool FitsAtSomeLayout => LeastMemory.Total <= DeviceMemory;

    /// <summary>Gets how much memory the least-memory layout lacks (zero when it fits).</summary>
    public Bytes ShortfallAtBestLayout => FitsAtSomeLayout ? Bytes.Zero : LeastMemory.Total - DeviceMemory;

    /// <summary>Gets the gradient-accumulation steps per optimizer step (global ÷ (micro × DP)), when a global batch is given.</summary>
    public int? GradientAccumulationSteps { get; init; }

    /// <summary>Gets the optimizer steps: tokens ÷ (global batch × sequence length), when a global batch is given.</summary>
    public double? OptimizerSteps { get; init; }

    /// <summary>Gets the assumptions the estimator itself makes (formula constants), to show beside the caller's.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
}
