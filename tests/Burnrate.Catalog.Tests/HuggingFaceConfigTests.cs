using Burnrate.Core.Models;

namespace Burnrate.Catalog.Tests;

public sealed class HuggingFaceConfigTests
{
    private static readonly DateOnly Date = new(2024, 1, 1);

    [Fact]
    public void Should_MatchCatalogEntry_When_LlamaConfigImported()
    {
        // meta-llama/Llama-3.1-8B config.json (abridged to the fields the importer reads)
        const string json = """
            {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336,
             "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 128256,
             "max_position_embeddings": 131072, "tie_word_embeddings": false, "torch_dtype": "bfloat16"}
            """;

        ModelArchitecture model = HuggingFaceConfig.Parse(json, "config.json", "Llama-3.1-8B", Date);

        ParameterCounter.Count(model).Total.ShouldBe(ParameterCounter.Count(BurnrateCatalog.Embedded.Model("llama-3.1-8b")).Total);
    }

    [Fact]
    public void Should_ReadExpertsAndMla_When_DeepSeekV3ConfigImported()
    {
        // deepseek-ai/DeepSeek-V3 config.json (abridged)
        const string json = """
            {"model_type": "deepseek_v3", "hidden_size": 7168, "intermediate_size": 18432, "moe_intermediate_size": 2048,
             "num_attention_heads": 128, "num_key_value_heads": 128, "num_hidden_layers": 61, "vocab_size": 129280,
             "max_position_embeddings": 163840, "n_routed_experts": 256, "n_shared_experts": 1, "num_experts_per_tok": 8,
             "first_k_dense_replace": 3, "q_lora_rank": 1536, "kv_lora_rank": 512, "qk_rope_head_dim": 64,
             "qk_nope_head_dim": 128, "v_head_dim": 128, "tie_word_embeddings": false, "num_nextn_predict_layers": 1}
            """;

        ModelArchitecture model = HuggingFaceConfig.Parse(json, "config.json", "DeepSeek-V3", Date);

        model.Moe.ShouldBe(new MoeSpec(256, 8, 1, 3, 2048));
        model.MtpModules.ShouldBe(1);
        model.Mla.ShouldBe(new MlaSpec(1536, 512, 64, 128, 128));
        (ParameterCounter.Count(model).Total / 671e9).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_ReadExperts_When_MixtralConfigImported()
    {
        const string json = """
            {"model_type": "mixtral", "hidden_size": 4096, "intermediate_size": 14336, "num_attention_heads": 32,
             "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 32000, "max_position_embeddings": 32768,
             "num_local_experts": 8, "num_experts_per_tok": 2}
            """;

        ModelArchitecture model = HuggingFaceConfig.Parse(json, "config.json", "Mixtral-8x7B", Date);

        model.Moe.ShouldBe(new MoeSpec(8, 2, 0, 0, 14336));
    }

    [Fact]
    public void Should_AddQkvBias_When_Qwen2ConfigImported()
    {
        const string json = """
            {"model_type": "qwen2", "hidden_size": 3584, "intermediate_size": 18944, "num_attention_heads": 28,
             "num_hidden_layers": 28, "num_key_value_heads": 4, "vocab_size": 152064, "max_position_embeddings": 131072,
             "tie_word_embeddings": false}
            """;

        ModelArchitecture model = HuggingFaceConfig.Parse(json, "config.json", "Qwen2.5-7B", Date);

        model.AttentionBias.ShouldBeTrue();
        (ParameterCounter.Count(model).Total / 7.61e9).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_NameSupportedTypes_When_ModelTypeUnsupported()
    {
        CatalogException e = Should.Throw<CatalogException>(() =>
            HuggingFaceConfig.Parse("""{"model_type": "gpt_neox", "hidden_size": 1}""", "config.json", "x", Date));

        e.Message.ShouldBe("config.json: model_type 'gpt_neox' is not supported; supported: llama, mistral, mixtral, qwen2, qwen3, qwen3_moe, gemma2, gemma3, gemma3_text, gpt_oss, llama4, llama4_text, deepseek_v3");
    }

    [Fact]
    public void Should_NameField_When_RequiredFieldMissing()
    {
        CatalogException e = Should.Throw<CatalogException>(() =>
            HuggingFaceConfig.Parse("""{"model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32}""", "config.json", "x", Date));

        e.Message.ShouldBe("config.json: missing required field 'intermediate_size'");
    }
}
