namespace Burnrate.Core.Models;

/// <summary>
/// Counts a transformer's parameters from its architecture: embeddings, attention (MHA/GQA, or MLA per DeepSeek-V2 arXiv 2405.04434),
/// feed-forward (gated 3·h·f or plain 2·h·f), MoE experts and router, norms and biases.
/// </summary>
public static class ParameterCounter
{
    /// <summary>Counts total and active-per-token parameters.</summary>
    /// <param name="model">The architecture.</param>
    /// <returns>The counts.</returns>
    public static ParameterCount Count(ModelArchitecture model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double h = model.HiddenSize;
        double normSize = model.Norm == NormKind.Layer ? 2 * h : h;

        double tokenEmbedding = (double)model.VocabSize * h;
        double positionEmbedding = model.LearnedPositionEmbedding ? (double)model.MaxContext * h : 0;
        double outputHead = model.TiedEmbeddings ? 0 : (double)model.VocabSize * h;

        double attention = AttentionParameters(model) + normSize;
        double denseFfn = FfnParameters(h, model.FfnSize, model.FfnKind, model.LinearBias) + normSize;

        double total;
        double active;
        if (model.Moe is { } moe)
        {
            double expert = FfnParameters(h, moe.ExpertFfnSize, model.FfnKind, model.LinearBias);
            double router = h * moe.RoutedExperts;
            double moeLayerTotal = (moe.RoutedExperts + moe.SharedExperts) * expert + router + normSize;
            double moeLayerActive = (moe.ExpertsPerToken + moe.SharedExperts) * expert + router + normSize;
            int moeLayers = model.Layers - moe.DenseLayers;
            total = model.Layers * attention + moe.DenseLayers * denseFfn + moeLayers * moeLayerTotal;
            active = model.Layers * attention + moe.DenseLayers * denseFfn + moeLayers * moeLayerActive;
        }
        else
        {
            total = model.Layers * (attention + denseFfn);
            active = total;
        }

        double shared = tokenEmbedding + positionEmbedding + outputHead + normSize; // final norm
        return new ParameterCount(total + shared, active + shared, tokenEmbedding + positionEmbedding, outputHead)
        {
            PositionEmbedding = positionEmbedding,
        };
    }

    /// <summary>
    /// Gets the parameters one multi-token prediction module multiplies for each token (DeepSeek-V3, arXiv 2412.19437 §2.2): one
    /// more transformer layer shaped as the model's last (attention, and the MoE layer's active experts and router, or the dense
    /// FFN), its projection M of the concatenated [hidden; embedding] (2h × h), its two RMSNorms and final norm, and the output
    /// head it shares with the model (a matmul, though not a stored parameter of its own). DeepSeek-V3: 1.61B, where its
    /// README_WEIGHTS.md gives "1.5B activated (including 0.9B for the output Head)".
    /// </summary>
    /// <param name="model">The architecture.</param>
    /// <returns>Parameters per module.</returns>
    public static double MtpModuleActiveCompute(ModelArchitecture model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double h = model.HiddenSize;
        double normSize = model.Norm == NormKind.Layer ? 2 * h : h;
        double ffn = model.Moe is { } moe
            ? ((moe.ExpertsPerToken + moe.SharedExperts) * FfnParameters(h, moe.ExpertFfnSize, model.FfnKind, model.LinearBias)) + (h * moe.RoutedExperts)
            : FfnParameters(h, model.FfnSize, model.FfnKind, model.LinearBias);
        double layer = AttentionParameters(model) + ffn + (2 * normSize);
        return layer + (2 * h * h) + (3 * normSize) + ((double)model.VocabSize * h);
    }

    /// <summary>Gets the attention-block weights of one layer (projections and their biases, not the norm).</summary>
    /// <param name="model">The architecture.</param>
    /// <returns>Parameters per layer.</returns>
    public static double AttentionParameters(ModelArchitecture model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double h = model.HiddenSize;
        double heads = model.AttentionHeads;
        if (model.Mla is { } mla)
        {
            double qHead = mla.NopeHeadDim + mla.RopeHeadDim;
            double q = mla.QLoraRank > 0
                ? (h * mla.QLoraRank) + mla.QLoraRank + (mla.QLoraRank * heads * qHead) // down, norm, up
                : h * heads * qHead;
            double kv = (h * (mla.KvLoraRank + mla.RopeHeadDim)) + mla.KvLoraRank
                + (mla.KvLoraRank * heads * (mla.NopeHeadDim + mla.VHeadDim));
            double o = heads * mla.VHeadDim * h;
            return q + kv + o;
        }

        double qDim = heads * model.HeadDim;
        double kvDim = (double)model.KvHeads * model.HeadDim;
        double weights = (h * qDim) + (2 * h * kvDim) + (qDim * h);
        double biases = model.LinearBias ? qDim + (2 * kvDim) + h
            : model.AttentionBias ? qDim + (2 * kvDim)
            : 0;
        return weights + biases;
    }

    private static double FfnParameters(double h, double f, FfnKind kind, bool bias) => kind switch
    {
        FfnKind.Gated => (3 * h * f) + (bias ? (2 * f) + h : 0),
        FfnKind.Plain => (2 * h * f) + (bias ? f + h : 0),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
