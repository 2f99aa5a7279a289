using Burnrate.Core.Models;

namespace Burnrate.Core.Tests.Models;

public sealed class ParameterCounterTests
{
    private static readonly Provenance Test = new("test", new DateOnly(2024, 7, 23));

    private static ModelArchitecture Llama31_8B() => new()
    {
        Id = "llama-3.1-8b", Name = "Llama 3.1 8B", Family = "llama", Layers = 32, HiddenSize = 4096, AttentionHeads = 32, KvHeads = 8,
        HeadDim = 128, FfnSize = 14336, FfnKind = FfnKind.Gated, VocabSize = 128256, TiedEmbeddings = false, MaxContext = 131072, Provenance = Test,
    };

    [Fact]
    public void Should_CountLlama31_8B_ExactlyByHand_When_Dense()
    {
        // Hand count per layer: attention 4096·(4096 + 2·1024 + 4096) = 41,943,040; FFN 3·4096·14336 = 176,160,768;
        // two RMSNorms 8,192; so 218,112,000 × 32 layers = 6,979,584,000. Embedding and untied head 2 × 128256·4096; final norm 4096.
        ParameterCount count = ParameterCounter.Count(Llama31_8B());

        count.Total.ShouldBe(6_979_584_000d + 1_050_673_152d + 4096d);
        count.ActivePerToken.ShouldBe(count.Total);
        count.Embedding.ShouldBe(128256d * 4096);
        count.OutputHead.ShouldBe(128256d * 4096);
    }

    [Fact]
    public void Should_CountOnlyTopKExpertsAsActive_When_Moe()
    {
        // Given Mixtral 8x7B: 8 experts, 2 per token (Mistral AI, arXiv 2401.04088: 46.7B total, 12.9B active)
        ModelArchitecture mixtral = Llama31_8B() with
        {
            Id = "mixtral-8x7b", VocabSize = 32000, MaxContext = 32768, Moe = new MoeSpec(8, 2, 0, 0, 14336),
        };

        // When
        ParameterCount count = ParameterCounter.Count(mixtral);

        // Then
        (count.Total / 46.7e9).ShouldBe(1, 0.01);
        (count.ActivePerToken / 12.9e9).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_ExcludeInputEmbeddingFromComputeParameters_When_Untied()
    {
        ParameterCount count = ParameterCounter.Count(Llama31_8B());
        count.ActiveCompute.ShouldBe(count.ActivePerToken - count.Embedding);
    }
}
