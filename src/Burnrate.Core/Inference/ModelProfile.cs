using Burnrate.Core.Models;

namespace Burnrate.Core.Inference;

/// <summary>
/// The per-model constants the inference kernel needs, computed once from an architecture so the hot path is
/// a handful of multiplies (parameters as element counts, not bytes: precision is applied per deployment).
/// </summary>
internal readonly struct ModelProfile
{
    public ModelProfile(ModelArchitecture model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ParameterCount count = ParameterCounter.Count(model);
        Layers = model.Layers;
        Hidden = model.HiddenSize;
        TotalParams = count.Total;
        ActiveComputeParams = count.ActiveCompute;
        MaxContext = model.MaxContext;

        if (model.Moe is { } moe)
        {
            double expert = model.FfnKind == FfnKind.Gated ? 3.0 * model.HiddenSize * moe.ExpertFfnSize : 2.0 * model.HiddenSize * moe.ExpertFfnSize;
            ExpertParams = expert;
            MoeLayers = model.Layers - moe.DenseLayers;
            RoutedExperts = moe.RoutedExperts;
            ExpertsPerToken = moe.ExpertsPerToken;
            LogMissProbability = Math.Log(1 - ((double)moe.ExpertsPerToken / moe.RoutedExperts));
        }

        // Weights a decode step reads whatever the routing: everything but the routed experts and the input embedding
        // table (a gather of one row per token). With tied embeddings the table is read in full as the output head.
        double gathered = count.OutputHead > 0 ? count.Embedding : count.PositionEmbedding;
        AlwaysReadParams = TotalParams - (MoeLayers * RoutedExperts * ExpertParams) - gathered;

        // For the step breakdown only: attention projections with their norm, and the output-head matmul (the tied table when tied).
        double norm = model.Norm == NormKind.Layer ? 2.0 * model.HiddenSize : model.HiddenSize;
        ProjectionParams = model.Layers * (ParameterCounter.AttentionParameters(model) + norm);
        HeadParams = count.ActiveCompute - count.ActiveNonEmbedding;

        if (model.Mla is { } mla)
        {
            // MLA caches the compressed latent plus the shared RoPE key per layer (DeepSeek-V2, arXiv 2405.04434, §2.1.2).
            KvElementsPerToken = (double)model.Layers * (mla.KvLoraRank + mla.RopeHeadDim);
            KvShardLimit = 1; // the latent is not split across tensor-parallel ranks
            AttentionFlopPerTokenPerContext = 2.0 * model.Layers * model.AttentionHeads * (mla.NopeHeadDim + mla.RopeHeadDim + mla.VHeadDim);
        }
        else
        {
            // K and V, per layer, per KV head, per head dimension (GQA: Ainslie et al. 2023, arXiv 2305.13245).
            KvElementsPerToken = 2.0 * model.Layers * model.KvHeads * model.HeadDim;
            KvShardLimit = model.KvHeads; // TP splits KV heads; beyond that they are replicated
            AttentionFlopPerTokenPerContext = 4.0 * model.Layers * model.AttentionHeads * model.HeadDim;
        }
    }

    public int Layers { get; }

    public int Hidden { get; }

    public double TotalParams { get; }

    public double ActiveComputeParams { get; }

    public double AlwaysReadParams { get; }

    public double ExpertParams { get; }

    /// <summary>Gets the attention-projection weights of all layers (Q, K, V, O and the attention norm).</summary>
    public double ProjectionParams { get; }

    /// <summary>Gets the output-head weights that multiply per token (the tied embedding table when tied).</summary>
    public double HeadParams { get; }

    public int MoeLayers { get; }

    public int RoutedExperts { get; }

    public int ExpertsPerToken { get; }

    /// <summary>Gets ln(1 − k/E): the log-probability that one token misses a given expert.</summary>
    public double LogMissProbability { get; }

    public double KvElementsPerToken { get; }

    public int KvShardLimit { get; }

    /// <summary>Gets attention FLOPs per token per token of context: QKᵀ and AV, 2 FLOPs per multiply-add (PaLM, arXiv 2204.02311, App. B).</summary>
    public double AttentionFlopPerTokenPerContext { get; }

    public int MaxContext { get; }

    /// <summary>Gets the expected distinct routed experts a batch of <paramref name="tokens"/> touches in one MoE layer:
    /// E·(1 − (1 − k/E)^B), uniform independent routing.</summary>
    public double ExpertsTouched(double tokens) => RoutedExperts == 0 ? 0 : RoutedExperts * (1 - Math.Exp(tokens * LogMissProbability));
}
