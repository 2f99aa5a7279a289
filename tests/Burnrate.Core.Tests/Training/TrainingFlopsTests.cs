using Burnrate.Core.Models;
using Burnrate.Core.Training;

namespace Burnrate.Core.Tests.Training;

public sealed class TrainingFlopsTests
{
    [Fact]
    public void Should_ReproduceGpt3TrainingCompute_When_175BTrainedOn300BTokens()
    {
        // Given: GPT-3 175B, 300e9 tokens at sequence length 2048.
        // Source (public-figures.yaml, training_compute gpt-3-175b): Brown et al. 2020 (arXiv 2005.14165), Appendix D,
        // Table D.1: 3.64e3 petaflop/s-days = 3.14e23 FLOPs; tolerance 3%.
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 300e9, 1024, seq: 2048);

        // When
        double flops = TrainingFlops.Model(run).Value;

        // Then
        (flops / 3.14e23).ShouldBe(1, 0.03);
    }

    [Fact]
    public void Should_ReproduceChinchillaTrainingCompute_When_OnlyParameterCountIsKnown()
    {
        // Given: Chinchilla, 70e9 parameters × 1.4e12 tokens, no architecture (6·N·D = 5.88e23).
        // Source (public-figures.yaml, training_compute chinchilla-70b): Hoffmann et al. 2022 (arXiv 2203.15556),
        // 5.76e23 FLOPs, the same budget as Gopher; tolerance 3%.
        TrainingRun run = TrainingFixtures.RawRun(70e9, 1.4e12, 1024);

        // When
        double flops = TrainingFlops.Model(run).Value;

        // Then
        flops.ShouldBe(6 * 70e9 * 1.4e12, 1e9);
        (flops / 5.76e23).ShouldBe(1, 0.03);
    }

    [Fact]
    public void Should_CountTheMultiTokenPredictionModule_When_DeepSeekV3TrainsWithOne()
    {
        // Given: DeepSeek-V3 with its one MTP module (arXiv 2412.19437 §2.2, D = 1 in §4.2) at 4K tokens.
        // Source: deepseek-ai/DeepSeek-V3 README_WEIGHTS.md: the MTP module has "1.5B" activated parameters including the 0.9B
        // output head, the main model 36.6B; the module adds one layer, a 2h×h projection and the shared head (1.61B here).
        ModelArchitecture model = Inference.InferenceFixtures.DeepSeekV3 with { MtpModules = 1 };
        TrainingRun with1 = TrainingFixtures.Run(model, 1e12, 2048, seq: 4096);
        TrainingRun without = with1 with { Architecture = model with { MtpModules = 0 } };

        // When
        double module = ParameterCounter.MtpModuleActiveCompute(model);
        double added = TrainingFlops.Model(with1).Value - TrainingFlops.Model(without).Value;

        // Then: ≈ 1.5B within 8% (the README rounds and may leave the 0.10B projection out), and the FLOPs grow by exactly
        // 6 × the module plus one layer's attention, about 4% of DeepSeek-V3's.
        (module / 1.5e9).ShouldBe(1, 0.08);
        double attentionPerLayer = TrainingFlops.AttentionPerToken(model, 4096, causal: true).Value / 61;
        added.ShouldBe(1e12 * ((6 * module) + attentionPerLayer), added * 1e-12);
        TrainingFlops.Mtp(with1).Value.ShouldBe(added, added * 1e-12);
        (added / TrainingFlops.Model(without).Value).ShouldBe(0.038, 0.005);
        TrainingFlops.Mtp(without).Value.ShouldBe(0);
    }

    [Fact]
    public void Should_MatchPalmAttentionTerm_When_AttentionCountedInFull()
    {
        // Given: PaLM appendix B (arXiv 2204.02311): attention adds 12·L·H·Q·T FLOPs per token.
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 1e9, 8, seq: 2048) with { CausalAttention = false };

        // When
        double perToken = TrainingFlops.AttentionPerToken(run.Architecture, run.SequenceLength, causal: false).Value;
        double causal = TrainingFlops.AttentionPerToken(run.Architecture, run.SequenceLength, causal: true).Value;

        // Then
        perToken.ShouldBe(12.0 * 96 * 96 * 128 * 2048, 1);
        causal.ShouldBe(perToken / 2, 1);
    }

    [Theory]
    [InlineData(RecomputeMode.None)]
    [InlineData(RecomputeMode.Selective)]
    [InlineData(RecomputeMode.Full)]
    public void Should_AddRecomputationToHardwareFlopsOnly_When_RecomputeChosen(RecomputeMode mode)
    {
        // Given
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 300e9, 1024) with { Recompute = mode };

        // When
        double model = TrainingFlops.Model(run).Value;
        double hardware = TrainingFlops.Hardware(run).Value;
        double attention = TrainingFlops.Attention(run).Value;

        // Then: Korthikanti et al. 2022 (arXiv 2205.05198): full recompute repeats the forward (about a third more work),
        // selective only the attention-score forward.
        double expected = mode switch
        {
            RecomputeMode.None => model,
            RecomputeMode.Selective => model + (attention / 3),
            _ => model + (((6 * run.Parameters.ActiveNonEmbedding * 300e9) + attention) / 3),
        };
        hardware.ShouldBe(expected, expected * 1e-12);
        if (mode == RecomputeMode.Full)
        {
            (hardware / model).ShouldBe(4.0 / 3, 0.01);
        }
    }
}
