using Burnrate.Core.Inference;

namespace Burnrate.Core.Training;

/// <summary>
/// The tensor-parallel communication of a training step and how the default MFU carries over from its source run to another
/// layout (docs/train.md "Communication"). Megatron-style tensor parallelism all-reduces the activations of every layer on
/// the critical path: two all-reduces in the forward pass and two in the backward pass (Shoeybi et al. 2019, "Megatron-LM",
/// arXiv 1909.08053, §3, the f and g operators); with sequence parallelism each all-reduce becomes a reduce-scatter plus an
/// all-gather of the same volume (Korthikanti et al. 2022, arXiv 2205.05198, §4.2.2); full recomputation repeats the forward
/// pass and so its two. A ring all-reduce over t devices moves 2(t − 1)/t of the message per device in each direction (NCCL
/// ring, nccl-tests PERFORMANCE.md), over the scale-up link at its per-direction rate × the communication efficiency.
/// Data-parallel gradient reduction and pipeline sends are not charged: see docs/train.md for why.
/// </summary>
public static class TrainingCommunication
{
    /// <summary>Tensor-parallel all-reduces per transformer layer per micro-batch, forward and backward (Megatron-LM §3).</summary>
    public const int AllReducesPerLayer = 4;

    /// <summary>Extra all-reduces per layer under full recomputation: the repeated forward pass's two.</summary>
    public const int RecomputeAllReducesPerLayer = 2;

    /// <summary>Bytes per activation element all-reduced: 2 (bf16/fp16 activations).</summary>
    public const double ActivationBytes = 2;

    /// <summary>Default share of the tensor-parallel collectives hidden behind compute: 0. Megatron-LM runs them on the
    /// critical path unless TransformerEngine's userbuffer overlap is switched on (<c>--tp-comm-overlap</c>, Megatron-LM
    /// 2023), which no source run of the default MFU reports.</summary>
    public const double DefaultTensorParallelOverlap = 0;

    /// <summary>The layout the default MFU was measured at, as printed: Llama 3 405B (126 layers, hidden 16,384, 128 heads of
    /// 128) at TP 8, 8,192-token sequences, on H100 SXM (989.4 dense BF16 TFLOP/s, NVLink 900 GB/s bidirectional).</summary>
    public const string ReferenceLayout = "Llama 3 405B at TP 8, 8,192-token sequences, on H100 SXM (NVLink 900 GB/s) (Dubey et al. 2024, arXiv 2407.21783, Tables 3 and 4; NVIDIA H100 datasheet)";

    private const double ReferenceParameters = 405e9;
    private const int ReferenceLayers = 126;
    private const int ReferenceHidden = 16_384;
    private const int ReferenceHeads = 128;
    private const int ReferenceHeadDim = 128;
    private const int ReferenceSequence = 8192;
    private const int ReferenceTensorParallel = 8;
    private const double ReferencePeakFlops = 989.4e12;
    private const double ReferenceInterconnectBytesPerSecond = 900e9;

    /// <summary>Gets the exposed tensor-parallel communication of a run as a share: seconds of communication per device ×
    /// devices × the MFU-basis peak ÷ model FLOPs. The communication time is this × model FLOPs ÷ (devices × peak), and a
    /// compute-only MFU η becomes η ÷ (1 + η × share) once it is charged. Zero at TP 1; without an architecture at TP &gt; 1, the
    /// source layout's own share (<see cref="ReferenceShare"/>), so the default stays the source's MFU.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The dimensionless share.</returns>
    public static double ExposedShare(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.TensorParallel <= 1)
        {
            return 0;
        }

        if (run.Architecture is not { } architecture)
        {
            return ReferenceShare * (1 - run.TensorParallelOverlap);
        }

        int allReduces = AllReducesPerLayer + (run.Recompute == RecomputeMode.Full ? RecomputeAllReducesPerLayer : 0);
        double flopsPerToken = TrainingFlops.Model(run).Value / run.Tokens.Value;
        double linkRate = run.Accelerator.InterconnectBandwidth.Value / 2 * run.CommunicationEfficiency;
        return Share(architecture.Layers, architecture.HiddenSize, run.TensorParallel, allReduces, TrainingEstimator.MfuPeak(run).Value, linkRate, flopsPerToken)
            * (1 - run.TensorParallelOverlap);
    }

    /// <summary>Gets the exposed tensor-parallel communication share of the default MFU's source layout
    /// (<see cref="ReferenceLayout"/>) at the default communication efficiency and no overlap.</summary>
    public static double ReferenceShare { get; } = Share(
        ReferenceLayers, ReferenceHidden, ReferenceTensorParallel, AllReducesPerLayer, ReferencePeakFlops,
        ReferenceInterconnectBytesPerSecond / 2 * EfficiencyFactors.DefaultCommunication,
        (6 * ReferenceParameters) + TrainingFlops.AttentionPerToken(ReferenceLayers, ReferenceHeads, ReferenceSequence, 2.0 * ReferenceHeadDim, causal: true));

    /// <summary>Gets the compute-only MFU behind the default: <see cref="TrainingEstimator.DefaultMfu"/> with its source's own
    /// tensor-parallel communication taken out, DefaultMfu ÷ (1 − DefaultMfu × <see cref="ReferenceShare"/>).</summary>
    public static double ComputeMfu { get; } = TrainingEstimator.DefaultMfu / (1 - (TrainingEstimator.DefaultMfu * ReferenceShare));

    /// <summary>Gets the exposed communication time of a run per device at a given MFU: share × model FLOPs ÷ (devices × peak) is
    /// the communication at the compute-only efficiency; as a fraction of running time at MFU m it is share × m.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The fraction of the running time spent in exposed tensor-parallel collectives.</returns>
    public static double RunningShare(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ExposedShare(run) * run.Mfu.Value;
    }

    private static double Share(int layers, int hidden, int tp, int allReduces, double peak, double linkRate, double flopsPerToken) =>
        // Per device over the run: tokens/DP × layers/PP × allReduces × 2(tp−1)/tp × hidden × bytes ÷ link; × devices (DP·PP·TP)
        // × peak ÷ (tokens × FLOPs per token) leaves layers × allReduces × 2(tp − 1) × hidden × bytes × peak ÷ (link × FLOPs/token).
        layers * allReduces * 2.0 * (tp - 1) * hidden * ActivationBytes * peak / (linkRate * flopsPerToken);
}
