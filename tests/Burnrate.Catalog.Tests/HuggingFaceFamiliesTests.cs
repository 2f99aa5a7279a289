using Burnrate.Core.Models;

namespace Burnrate.Catalog.Tests;

/// <summary>config.json import for the families issue 15 added, each checked against the parameter counts its authors publish.
/// The configs are the published config.json files abridged to the fields the importer reads.</summary>
public sealed class HuggingFaceFamiliesTests
{
    private static readonly DateOnly Date = new(2025, 8, 5);

    private static ParameterCount Count(string json, string id) => ParameterCounter.Count(HuggingFaceConfig.Parse(json, "config.json", id, Date));

    [Fact]
    public void Should_MatchTheModelCard_When_Qwen3DenseImported()
    {
        // Qwen/Qwen3-8B config.json; model card: 8.2B parameters (6.95B non-embedding).
        const string json = """
            {"model_type": "qwen3", "hidden_size": 4096, "intermediate_size": 12288, "num_attention_heads": 32, "num_key_value_heads": 8,
             "head_dim": 128, "num_hidden_layers": 36, "vocab_size": 151936, "max_position_embeddings": 40960, "tie_word_embeddings": false,
             "attention_bias": false}
            """;
        ParameterCount c = Count(json, "Qwen3-8B");
        (c.Total / 8.2e9).ShouldBe(1, 0.01);
        (c.NonEmbedding / 6.95e9).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_MatchTheModelCard_When_Qwen3MoeImported()
    {
        // Qwen/Qwen3-30B-A3B config.json; model card: 30.5B total, 3.3B activated, 128 experts, 8 activated.
        const string json = """
            {"model_type": "qwen3_moe", "hidden_size": 2048, "intermediate_size": 6144, "moe_intermediate_size": 768, "num_attention_heads": 32,
             "num_key_value_heads": 4, "head_dim": 128, "num_hidden_layers": 48, "num_experts": 128, "num_experts_per_tok": 8,
             "decoder_sparse_step": 1, "mlp_only_layers": [], "vocab_size": 151936, "max_position_embeddings": 40960, "tie_word_embeddings": false}
            """;
        ModelArchitecture m = HuggingFaceConfig.Parse(json, "config.json", "Qwen3-30B-A3B", Date);
        m.Moe.ShouldBe(new MoeSpec(128, 8, 0, 0, 768));
        ParameterCount c = ParameterCounter.Count(m);
        (c.Total / 30.5e9).ShouldBe(1, 0.01);
        (c.ActivePerToken / 3.3e9).ShouldBe(1, 0.03);
    }

    [Fact]
    public void Should_TieEmbeddingsByDefault_When_Gemma2Imported()
    {
        // google/gemma-2-9b config.json; Gemma 2 report (arXiv 2408.00118) Table 2: 917,504,000 embedding + 8,324,201,984 non-embedding.
        const string json = """
            {"model_type": "gemma2", "hidden_size": 3584, "intermediate_size": 14336, "num_attention_heads": 16, "num_key_value_heads": 8,
             "head_dim": 256, "num_hidden_layers": 42, "vocab_size": 256000, "max_position_embeddings": 8192}
            """;
        ModelArchitecture m = HuggingFaceConfig.Parse(json, "config.json", "gemma-2-9b", Date);
        m.TiedEmbeddings.ShouldBeTrue();
        ParameterCount c = ParameterCounter.Count(m);
        c.Embedding.ShouldBe(917_504_000);
        (c.NonEmbedding / 8_324_201_984).ShouldBe(1, 0.001);
    }

    [Fact]
    public void Should_ReadTheTextConfig_When_Gemma3MultimodalImported()
    {
        // google/gemma-3-27b-it config.json; Gemma 3 report Table 1: 27B = 417M vision + 1,416M embedding + 25,600M non-embedding.
        const string json = """
            {"model_type": "gemma3", "vision_config": {"hidden_size": 1152, "num_hidden_layers": 27},
             "text_config": {"model_type": "gemma3_text", "hidden_size": 5376, "intermediate_size": 21504, "num_attention_heads": 32,
               "num_key_value_heads": 16, "head_dim": 128, "num_hidden_layers": 62, "vocab_size": 262208, "max_position_embeddings": 131072}}
            """;
        ModelArchitecture m = HuggingFaceConfig.Parse(json, "config.json", "gemma-3-27b-it", Date);
        m.Family.ShouldBe("gemma3-text");
        ParameterCount c = ParameterCounter.Count(m);
        (c.Embedding / 1_416e6).ShouldBe(1, 0.01);
        (c.NonEmbedding / 25_600e6).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_CountExpertBiases_When_GptOssImported()
    {
        // openai/gpt-oss-120b config.json; model card: 116.83B total, 5.13B active per token (embedding gather excluded).
        const string json = """
            {"model_type": "gpt_oss", "hidden_size": 2880, "intermediate_size": 2880, "num_attention_heads": 64, "num_key_value_heads": 8,
             "head_dim": 64, "num_hidden_layers": 36, "num_local_experts": 128, "num_experts_per_tok": 4, "vocab_size": 201088,
             "max_position_embeddings": 131072, "tie_word_embeddings": false, "attention_bias": true}
            """;
        ModelArchitecture m = HuggingFaceConfig.Parse(json, "config.json", "gpt-oss-120b", Date);
        m.LinearBias.ShouldBeTrue();
        ParameterCount c = ParameterCounter.Count(m);
        (c.Total / 116.83e9).ShouldBe(1, 0.01);
        (c.ActiveCompute / 5.13e9).ShouldBe(1, 0.02);
    }

    [Fact]
    public void Should_InterleaveDenseAndMoeLayers_When_Llama4Imported()
    {
        // meta-llama/Llama-4-Maverick-17B-128E config.json (text part): MoE every 2nd layer with one shared expert.
        // Model card: 17B active, 400B total (text and vision).
        const string json = """
            {"model_type": "llama4", "text_config": {"model_type": "llama4_text", "hidden_size": 5120, "intermediate_size": 8192,
              "intermediate_size_mlp": 16384, "num_attention_heads": 40, "num_key_value_heads": 8, "head_dim": 128, "num_hidden_layers": 48,
              "num_local_experts": 128, "num_experts_per_tok": 1, "interleave_moe_layer_step": 2, "vocab_size": 202048,
              "max_position_embeddings": 1048576, "tie_word_embeddings": false}}
            """;
        ModelArchitecture m = HuggingFaceConfig.Parse(json, "config.json", "Llama-4-Maverick", Date);
        m.Moe.ShouldBe(new MoeSpec(128, 1, 1, 24, 8192));
        m.FfnSize.ShouldBe(16384);
        ParameterCount c = ParameterCounter.Count(m);
        (c.Total / 400e9).ShouldBe(1, 0.02);
        (c.ActivePerToken / 17e9).ShouldBe(1, 0.03);
    }

    [Fact]
    public void Should_NameTheNearestType_When_TheModelTypeIsUnknown()
    {
        CatalogException e = Should.Throw<CatalogException>(() => HuggingFaceConfig.Parse("""{"model_type": "qwen3moe"}""", "config.json", "x", Date));
        e.Message.ShouldContain("did you mean qwen3_moe");
    }
}
