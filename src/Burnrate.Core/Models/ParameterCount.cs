namespace Burnrate.Core.Models;

/// <summary>Parameter counts of a model, with embeddings separated.</summary>
/// <param name="Total">Every parameter stored (what memory holds).</param>
/// <param name="ActivePerToken">Parameters a token passes through (MoE: shared plus the top-k routed experts).</param>
/// <param name="Embedding">Input token (and learned position) embedding parameters.</param>
/// <param name="OutputHead">Output projection parameters when not tied to the input embedding; 0 when tied.</param>
public sealed record ParameterCount(double Total, double ActivePerToken, double Embedding, double OutputHead)
{
    /// <summary>Gets the parameters outside the embedding and output head.</summary>
    public double NonEmbedding => Total - Embedding - OutputHead;

    /// <summary>Gets the active parameters outside the embedding and output head.</summary>
    public double ActiveNonEmbedding => ActivePerToken - Embedding - OutputHead;

    /// <summary>
    /// Gets the active parameters that do matrix multiplies for each token: everything active except the input
    /// embedding lookup (which is a gather, not a matmul). With tied embeddings the shared matrix still multiplies once, as the output head.
    /// </summary>
    public double ActiveCompute => ActiveNonEmbedding + (OutputHead > 0 ? OutputHead : Embedding - PositionEmbedding);

    /// <summary>Gets the learned position embedding parameters (0 for RoPE models).</summary>
    public double PositionEmbedding { get; init; }
}
