using System.Globalization;
using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>
/// How a model is served: accelerator, device count, parallelism (one replica spans TP × PP devices; devices ÷ (TP × PP)
/// replicas serve in parallel; EP spreads routed experts over the replica's devices), precisions and the money and power inputs.
/// </summary>
public sealed record InferenceDeployment
{
    /// <summary>Default share of device memory held back for activations, CUDA graphs and allocator slack: 10%,
    /// vLLM's default <c>gpu_memory_utilization</c> of 0.9 (vLLM engine arguments documentation).</summary>
    public const double DefaultMemoryReserve = 0.1;

    /// <summary>Default fixed time of one collective (all-reduce or all-to-all) over the scale-up fabric, before its per-hop
    /// part: 12 µs (kernel launch and synchronization). With <see cref="DefaultCollectiveHopLatency"/> an all-reduce over 8
    /// devices costs 12 + 2·7·1 = 26 µs, NCCL's own estimate for a 64 B all-reduce on 8 H100s (25.2 µs, NVIDIA/nccl issue #1453
    /// tuner log); the form base + 2(n − 1)·hop is NCCL's ring latency model (src/graph/tuning.cc).</summary>
    public static readonly Duration DefaultCollectiveLatency = Duration.FromMilliseconds(0.012);

    /// <summary>Default latency of one hop of a collective: 1 µs; a ring all-reduce over n devices takes 2(n − 1) hops, an
    /// all-to-all n − 1 (NCCL tuning model, src/graph/tuning.cc: NVLink per-step latencies 0.5–1.9 µs by protocol).</summary>
    public static readonly Duration DefaultCollectiveHopLatency = Duration.FromMilliseconds(0.001);

    /// <summary>Gets the accelerator.</summary>
    public required AcceleratorSpec Accelerator { get; init; }

    /// <summary>Gets the total number of devices.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree (devices that split every layer).</summary>
    public int TensorParallel { get; init; } = 1;

    /// <summary>Gets the pipeline-parallel degree (stages of consecutive layers).</summary>
    public int PipelineParallel { get; init; } = 1;

    /// <summary>Gets the expert-parallel degree (devices of a replica the routed experts are spread over); 1 for dense models.</summary>
    public int ExpertParallel { get; init; } = 1;

    /// <summary>Gets the precision weights are stored in.</summary>
    public required Precision Weights { get; init; }

    /// <summary>Gets the quantization group size of int8/int4/fp4 weights: elements sharing one 16-bit scale (and, for int4,
    /// one zero point), e.g. 32 for gpt-fast int4 and llama.cpp Q4_0, 128 for GPTQ/AWQ; 0 = one scale per output channel.</summary>
    public int WeightGroupSize { get; init; }

    /// <summary>Gets the precision the KV cache is stored in.</summary>
    public Precision KvCache { get; init; } = Precision.Bf16;

    /// <summary>Gets the precision matmuls run in (selects the peak FLOP/s).</summary>
    public Precision Compute { get; init; } = Precision.Bf16;

    /// <summary>Gets the share of device memory held back for activations and workspace.</summary>
    public double MemoryReserve { get; init; } = DefaultMemoryReserve;

    /// <summary>Gets the price of one device-hour.</summary>
    public required UsdPerGpuHour PricePerDeviceHour { get; init; }

    /// <summary>Gets the power one device draws at full load (normally its TDP).</summary>
    public required Watts DevicePower { get; init; }

    /// <summary>Gets the share of <see cref="DevicePower"/> drawn while serving (1 = at TDP, an upper bound).</summary>
    public double PowerUtilization { get; init; } = 1;

    /// <summary>Gets the facility's power usage effectiveness (≥ 1).</summary>
    public double Pue { get; init; } = 1;

    /// <summary>Gets the fixed time of one collective, added to its bytes ÷ bandwidth.</summary>
    public Duration CollectiveLatency { get; init; } = DefaultCollectiveLatency;

    /// <summary>Gets the latency of each hop of a collective, added per device step (see <see cref="DefaultCollectiveHopLatency"/>).</summary>
    public Duration CollectiveHopLatency { get; init; } = DefaultCollectiveHopLatency;

    /// <summary>Gets a fixed time added to every forward step (scheduling, launches, sampling): 0 by default, the CUDA-graph
    /// engines' case (gpt-fast, TensorRT-LLM); set it for engines with measurable CPU time per step.</summary>
    public Duration StepOverhead { get; init; } = Duration.Zero;

    /// <summary>Gets the devices one model replica spans: TP × PP.</summary>
    public int DevicesPerReplica => TensorParallel * PipelineParallel;

    /// <summary>Gets the number of replicas: devices ÷ (TP × PP).</summary>
    public int Replicas => Devices / DevicesPerReplica;

    /// <summary>Gets the matmul precision for stored weights: fp8 and 16-bit weights compute as stored where the chip has that
    /// precision; int8/int4/fp4 are weight-only quantization, dequantized to bf16 (fp16 where bf16 is missing) in the kernel as
    /// AWQ/GPTQ/Marlin kernels do.</summary>
    /// <param name="accelerator">The accelerator.</param>
    /// <param name="weights">The weight precision.</param>
    /// <returns>The compute precision.</returns>
    public static Precision DefaultCompute(AcceleratorSpec accelerator, Precision weights)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        if (weights is Precision.Fp8 or Precision.Fp16 or Precision.Bf16 && accelerator.Supports(weights))
        {
            return weights;
        }

        return accelerator.Supports(Precision.Bf16) ? Precision.Bf16 : Precision.Fp16;
    }

    /// <summary>Checks the deployment, naming the first bad field.</summary>
    /// <param name="routedExperts">Routed experts of the model (0 for dense), to check EP against.</param>
    /// <returns>An error message, or null when valid.</returns>
    public string? Validate(int routedExperts)
    {
        if (Devices < 1)
        {
            return "devices must be at least 1";
        }

        if (TensorParallel < 1 || PipelineParallel < 1 || ExpertParallel < 1)
        {
            return "tp, pp and ep must be at least 1";
        }

        if (Devices % DevicesPerReplica != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"devices ({Devices}) must be a multiple of tp × pp ({TensorParallel} × {PipelineParallel})");
        }

        if (ExpertParallel > 1 && routedExperts == 0)
        {
            return "ep > 1 needs a Mixture-of-Experts model";
        }

        if (ExpertParallel > 1 && (DevicesPerReplica % ExpertParallel != 0 || routedExperts % ExpertParallel != 0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"ep ({ExpertParallel}) must divide tp × pp ({DevicesPerReplica}) and the routed experts ({routedExperts})");
        }

        if (!Accelerator.Supports(Compute))
        {
            return $"{Accelerator.Id} has no {Compute.Id()} peak; supported: {string.Join(", ", Accelerator.PeakFlops.Keys.Select(p => p.Id()))}";
        }

        return MemoryReserve is < 0 or >= 1 ? "memory reserve must be in [0, 1)"
            : PricePerDeviceHour.Value < 0 ? "price per device-hour must not be negative"
            : DevicePower.Value < 0 ? "device power must not be negative"
            : PowerUtilization is <= 0 or > 1 ? "power utilization must be in (0, 1]"
            : Pue < 1 ? "PUE must be at least 1"
            : CollectiveLatency.Seconds < 0 ? "collective latency must not be negative"
            : WeightGroupSize < 0 ? "weight group size must not be negative"
            : CollectiveHopLatency.Seconds < 0 ? "collective hop latency must not be negative"
            : StepOverhead.Seconds < 0 ? "step overhead must not be negative"
            : null;
    }
}
