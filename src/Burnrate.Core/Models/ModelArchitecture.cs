namespace Burnrate.Core.Models;

/// <summary>A decoder-only transformer's shape: everything the cost model needs to count parameters, FLOPs and KV cache.</summary>
public sealed record ModelArchitecture
{
    /// <summary>Gets the catalog id, e.g. "llama-3.1-8b".</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the family (llama, mistral, mixtral, qwen2, deepseek-v3, gpt).</summary>
    public required string Family { get; init; }

    /// <summary>Gets the number of transformer layers.</summary>
    public required int Layers { get; init; }

    /// <summary>Gets the model (hidden) width.</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Gets the number of query heads.</summary>
    public required int AttentionHeads { get; init; }

    /// <summary>Gets the number of key/value heads (fewer than query heads under GQA/MQA).</summary>
    public required int KvHeads { get; init; }

    /// <summary>Gets the per-head dimension of queries and keys.</summary>
    public required int HeadDim { get; init; }

    /// <summary>Gets the intermediate size of the dense feed-forward layers.</summary>
    public required int FfnSize { get; init; }

    /// <summary>Gets the feed-forward shape.</summary>
    public required FfnKind FfnKind { get; init; }

    /// <summary>Gets the vocabulary size.</summary>
    public required int VocabSize { get; init; }

    /// <summary>Gets whether the output head shares the input embedding matrix.</summary>
    public required bool TiedEmbeddings { get; init; }

    /// <summary>Gets the maximum context length in tokens.</summary>
    public required int MaxContext { get; init; }

    /// <summary>Gets whether q, k and v projections carry biases (Qwen2).</summary>
    public bool AttentionBias { get; init; }

    /// <summary>Gets whether every linear layer carries a bias (GPT-2/3).</summary>
    public bool LinearBias { get; init; }

    /// <summary>Gets the normalization kind.</summary>
    public NormKind Norm { get; init; } = NormKind.Rms;

    /// <summary>Gets whether positions are a learned embedding table (GPT-3) rather than RoPE.</summary>
    public bool LearnedPositionEmbedding { get; init; }

    /// <summary>Gets the Mixture-of-Experts layout, or null for a dense model.</summary>
    public MoeSpec? Moe { get; init; }

    /// <summary>Gets the Multi-head Latent Attention ranks, or null for standard multi-head/grouped attention.</summary>
    public MlaSpec? Mla { get; init; }

    /// <summary>Gets the number of multi-token prediction modules trained with the model (DeepSeek-V3 §2.2: one, config.json
    /// <c>num_nextn_predict_layers</c>); 0 for none. Each is one more transformer layer, a 2h×h projection and the shared output
    /// head run for every training token; they count in training FLOPs only, not in the published parameter count or serving.</summary>
    public int MtpModules { get; init; }

    /// <summary>Gets where the architecture comes from.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>Gets whether the model is a Mixture of Experts.</summary>
    public bool IsMoe => Moe is not null;
}
