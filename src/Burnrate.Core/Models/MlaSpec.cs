namespace Burnrate.Core.Models;

/// <summary>DeepSeek Multi-head Latent Attention ranks (DeepSeek-V2 paper, arXiv 2405.04434, section 2.1).</summary>
/// <param name="QLoraRank">Rank of the query down-projection (0 = full-rank queries).</param>
/// <param name="KvLoraRank">Rank of the compressed key-value latent, which is what the KV cache stores.</param>
/// <param name="RopeHeadDim">Per-head dimension of the decoupled RoPE key/query (the key part is shared across heads and cached).</param>
/// <param name="NopeHeadDim">Per-head dimension of the non-RoPE query/key.</param>
/// <param name="VHeadDim">Per-head value dimension.</param>
public sealed record MlaSpec(int QLoraRank, int KvLoraRank, int RopeHeadDim, int NopeHeadDim, int VHeadDim);
