using Burnrate.Core.Models;

namespace Burnrate.Catalog;

/// <summary>The Mixture-of-Experts families whose config.json needs more than the common fields.</summary>
public static partial class HuggingFaceConfig
{
    /// <summary>Qwen3-MoE: <c>num_experts</c> routed experts of <c>moe_intermediate_size</c>, top <c>num_experts_per_tok</c>, no
    /// shared expert; layers listed in <c>mlp_only_layers</c>, and all but every <c>decoder_sparse_step</c>-th, are dense.</summary>
    private static ModelArchitecture Qwen3Moe(ModelArchitecture model, Reader reader)
    {
        int step = Math.Max(1, reader.Int("decoder_sparse_step", 1));
        int sparse = model.Layers / step;
        int dense = model.Layers - sparse + reader.Count("mlp_only_layers");
        return model with { Moe = new MoeSpec(reader.Int("num_experts"), reader.Int("num_experts_per_tok"), 0, dense, reader.Int("moe_intermediate_size")) };
    }

    /// <summary>gpt-oss: every layer MoE, <c>num_local_experts</c> experts of <c>intermediate_size</c> with biases, top
    /// <c>num_experts_per_tok</c> (older configs: <c>experts_per_token</c>); q, k, v and o projections carry biases.</summary>
    private static ModelArchitecture GptOss(ModelArchitecture model, Reader reader)
    {
        int topK = reader.Int("num_experts_per_tok", reader.Int("experts_per_token", 4));
        return model with
        {
            LinearBias = true,
            Moe = new MoeSpec(reader.Int("num_local_experts"), topK, 0, 0, model.FfnSize),
        };
    }

    /// <summary>Llama 4 (text): routed experts of <c>intermediate_size</c> plus one shared expert of the same size in every
    /// <c>interleave_moe_layer_step</c>-th layer; the others are dense layers of <c>intermediate_size_mlp</c>.</summary>
    private static ModelArchitecture Llama4(ModelArchitecture model, Reader reader)
    {
        int step = Math.Max(1, reader.Int("interleave_moe_layer_step", 1));
        int moeLayers = model.Layers / step;
        return model with
        {
            FfnSize = reader.Int("intermediate_size_mlp", model.FfnSize),
            Moe = new MoeSpec(reader.Int("num_local_experts"), reader.Int("num_experts_per_tok"), 1, model.Layers - moeLayers, model.FfnSize),
        };
    }
}
