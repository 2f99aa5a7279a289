using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>
/// Training FLOP counts. Model FLOPs follow Kaplan et al. 2020 ("Scaling Laws for Neural Language Models", arXiv 2001.08361,
/// section 2.1: C ≈ 6·N per token) with PaLM's attention term (Chowdhery et al. 2022, arXiv 2204.02311, appendix B:
/// 6·N + 12·L·H·Q·T per token). Hardware FLOPs add recomputation (Korthikanti et al. 2022, arXiv 2205.05198).
/// </summary>
public static class TrainingFlops
{
    /// <summary>The model-FLOPs formula as printed with every estimate.</summary>
    public const string ModelFormula = "6·N_active·T + 6·L·H·s·(d_qk + d_v)·T × (½ if causal)";

    /// <summary>The source of <see cref="ModelFormula"/>.</summary>
    public const string ModelSource = "Kaplan et al. 2020 (arXiv 2001.08361) §2.1 for 6·N·T; PaLM (Chowdhery et al. 2022, arXiv 2204.02311) appendix B for the attention term 12·L·H·Q·T per token, halved because causal kernels compute only the lower triangle of QKᵀ";

    /// <summary>The hardware-FLOPs formula as printed with every estimate.</summary>
    public const string HardwareFormula = "model FLOPs + recomputation: full = + one forward of the layers (⅓ of their 6·N·T + attention); selective = + the attention-score forward (⅓ of the attention term)";

    /// <summary>The source of <see cref="HardwareFormula"/>.</summary>
    public const string HardwareSource = "Korthikanti et al. 2022 (arXiv 2205.05198) §5 and Table 4; MFU vs HFU as in PaLM appendix B";

    /// <summary>Gets the dense matmul FLOPs per token: 6·N_active_compute (forward 2·N, backward 4·N).</summary>
    /// <param name="parameters">The parameter counts.</param>
    /// <returns>FLOP per token.</returns>
    public static Flop DensePerToken(ParameterCount parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new Flop(6 * parameters.ActiveCompute);
    }

    /// <summary>
    /// Gets the attention score and value FLOPs per token for forward and backward: 6·L·H·s·(d_qk + d_v), which is PaLM's
    /// 12·L·H·Q·T when d_qk = d_v = Q; halved when <paramref name="causal"/>. Zero without an architecture.
    /// </summary>
    /// <param name="architecture">The architecture, or null.</param>
    /// <param name="sequenceLength">The training sequence length, s.</param>
    /// <param name="causal">Whether only the causal half of the score matrix is computed.</param>
    /// <returns>FLOP per token.</returns>
    public static Flop AttentionPerToken(ModelArchitecture? architecture, int sequenceLength, bool causal)
    {
        if (architecture is null)
        {
            return Flop.Zero;
        }

        (double qk, double v) = architecture.Mla is { } mla
            ? (mla.NopeHeadDim + mla.RopeHeadDim, mla.VHeadDim)
            : (architecture.HeadDim, (double)architecture.HeadDim);
        return new Flop(AttentionPerToken(architecture.Layers, architecture.AttentionHeads, sequenceLength, qk + v, causal));
    }

    /// <summary>Gets 6·L·H·s·(d_qk + d_v) FLOP per token, halved when causal (see the public overload).</summary>
    internal static double AttentionPerToken(int layers, int heads, int sequenceLength, double qkPlusV, bool causal)
    {
        double full = 6.0 * layers * heads * sequenceLength * qkPlusV;
        return causal ? full / 2 : full;
    }

    /// <summary>The multi-token prediction term as printed when a model has MTP modules.</summary>
    public const string MtpFormula = "+ per MTP module 6·(one layer's active weights + 2h² projection + h·V output head)·T + one layer's attention term";

    /// <summary>The source of <see cref="MtpFormula"/>.</summary>
    public const string MtpSource = "DeepSeek-V3 Technical Report (arXiv 2412.19437) §2.2 (each MTP module: shared embedding and output head, a 2h×h projection, one transformer block; every token predicts D more, D = 1 in §4.2); config.json num_nextn_predict_layers";

    /// <summary>
    /// Gets the FLOPs per token of the model's multi-token prediction modules (<see cref="ModelArchitecture.MtpModules"/>): for each,
    /// 6 × its matmul weights (<see cref="ParameterCounter.MtpModuleActiveCompute"/>) plus one layer's attention term. Zero without
    /// an architecture or modules. DeepSeek-V3 trained with one (arXiv 2412.19437 §2.2, §4.2): its loss is part of every step.
    /// </summary>
    /// <param name="architecture">The architecture, or null.</param>
    /// <param name="sequenceLength">The training sequence length, s.</param>
    /// <param name="causal">Whether only the causal half of the score matrix is computed.</param>
    /// <returns>FLOP per token.</returns>
    public static Flop MtpPerToken(ModelArchitecture? architecture, int sequenceLength, bool causal)
    {
        if (architecture is not { MtpModules: > 0 })
        {
            return Flop.Zero;
        }

        double attentionPerLayer = AttentionPerToken(architecture, sequenceLength, causal).Value / architecture.Layers;
        return new Flop(architecture.MtpModules * ((6 * ParameterCounter.MtpModuleActiveCompute(architecture)) + attentionPerLayer));
    }

    /// <summary>Gets the model FLOPs of a run: (6·N_active + attention + multi-token prediction modules) × T. Recomputation does not
    /// count (PaLM's MFU definition).</summary>
    /// <param name="run">The run.</param>
    /// <returns>The model FLOPs.</returns>
    public static Flop Model(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return (DensePerToken(run.Parameters) + AttentionPerToken(run.Architecture, run.SequenceLength, run.CausalAttention)
            + MtpPerToken(run.Architecture, run.SequenceLength, run.CausalAttention)) * run.Tokens.Value;
    }

    /// <summary>Gets the FLOPs of the multi-token prediction modules over the run (zero for most models).</summary>
    /// <param name="run">The run.</param>
    /// <returns>The MTP FLOPs.</returns>
    public static Flop Mtp(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return MtpPerToken(run.Architecture, run.SequenceLength, run.CausalAttention) * run.Tokens.Value;
    }

    /// <summary>Gets the FLOPs of the attention term alone over the run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The attention FLOPs.</returns>
    public static Flop Attention(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AttentionPerToken(run.Architecture, run.SequenceLength, run.CausalAttention) * run.Tokens.Value;
    }

    /// <summary>
    /// Gets the FLOPs the hardware executes, including recomputation: full recomputation repeats the forward pass of the
    /// transformer layers (one third of their forward+backward FLOPs; embeddings and output head are not recomputed);
    /// selective recomputation repeats only the attention-score forward (one third of the attention term).
    /// </summary>
    /// <param name="run">The run.</param>
    /// <returns>The hardware FLOPs.</returns>
    public static Flop Hardware(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Flop model = Model(run);
        Flop attention = Attention(run);
        return run.Recompute switch
        {
            RecomputeMode.None => model,
            RecomputeMode.Selective => model + (attention / 3),
            RecomputeMode.Full => model + ((new Flop(6 * run.Parameters.ActiveNonEmbedding * run.Tokens.Value) + attention) / 3),
            _ => throw new ArgumentOutOfRangeException(nameof(run), run.Recompute, null),
        };
    }
}
