using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

/// <summary>The physics issue 15 added: quantization metadata, weight-only read rates, collective latency by device count,
/// prefill efficiency by prompt length and TTFT under continuous batching.</summary>
public sealed class InferencePhysicsTests
{
    private static readonly InferenceWorkload BatchOne = new(5, 200, 1);

    [Theory]
    [InlineData(Precision.Int4, 0, 0.5)]
    [InlineData(Precision.Int4, 32, 0.578125)]   // 0.5 + (2 B scale + 0.5 B zero) / 32
    [InlineData(Precision.Int4, 128, 0.51953125)]
    [InlineData(Precision.Int8, 32, 1.0625)]      // llama.cpp Q8_0: 34 B per 32 weights
    [InlineData(Precision.Fp4, 16, 0.5625)]       // NVFP4: one fp8 scale per 16
    [InlineData(Precision.Bf16, 32, 2.0)]
    public void Should_CountQuantizationMetadata_When_WeightsAreGrouped(Precision precision, int group, double bytes) =>
        precision.BytesPerElement(group).ShouldBe(bytes, 1e-12);

    [Fact]
    public void Should_HoldScalesInMemory_When_Int4WeightsAreGrouped()
    {
        InferenceDeployment perChannel = Deployment(A100_80, 1, Precision.Int4);
        InferenceResult plain = InferenceEstimator.Estimate(Llama2_7B, perChannel, BatchOne, EfficiencyFactors.Default);
        InferenceResult grouped = InferenceEstimator.Estimate(Llama2_7B, perChannel with { WeightGroupSize = 32 }, BatchOne, EfficiencyFactors.Default);

        (grouped.WeightBytesPerDevice.Value / plain.WeightBytesPerDevice.Value).ShouldBe(0.578125 / 0.5, 1e-9);
        grouped.Tpot.Seconds.ShouldBeGreaterThan(plain.Tpot.Seconds);
    }

    [Fact]
    public void Should_ReadWeightOnlyInt8AtItsOwnRate_When_DecodingAtBatchOne()
    {
        // gpt-fast: int8 weight-only kernels read weights at 0.77 of the bf16 rate; the stall is booked as overhead, memory stays bytes ÷ BW.
        InferenceResult r = InferenceEstimator.Estimate(Llama2_7B, Deployment(A100_80, 1, Precision.Int8), BatchOne, EfficiencyFactors.Default);
        InferenceResult fp8Like = InferenceEstimator.Estimate(Llama2_7B, Deployment(A100_80, 1, Precision.Int8), BatchOne, EfficiencyFactors.Default with { Int8WeightRead = 1 });

        fp8Like.DecodeOverhead.Seconds.ShouldBe(0);
        r.DecodeParts.Memory.Seconds.ShouldBe(fp8Like.DecodeParts.Memory.Seconds, 1e-15);
        // At batch 1 the weights are nearly all of the memory time, so the stall is nearly (1/0.77 − 1) of it.
        double stall = ((1 / 0.77) - 1) * r.DecodeParts.Memory.Seconds;
        r.DecodeOverhead.Seconds.ShouldBeLessThanOrEqualTo(stall * (1 + 1e-12));
        r.DecodeOverhead.Seconds.ShouldBeGreaterThan(0.97 * stall);
        r.Tpot.Seconds.ShouldBe(r.DecodeParts.Memory.Seconds + r.DecodeOverhead.Seconds, 1e-12);
    }

    [Fact]
    public void Should_LetTheDequantizationStallVanish_When_TheStepIsComputeBound()
    {
        // At a large batch the matmuls take longer than the weight stream, whatever its rate: no overhead is left.
        InferenceResult r = InferenceEstimator.Estimate(Llama8B, Deployment(H100, 1, Precision.Int4), new InferenceWorkload(128, 128, 1024), EfficiencyFactors.Default);
        r.DecodeBound.ShouldBe(ResourceBound.Compute);
        r.DecodeOverhead.Seconds.ShouldBe(0, 1e-15);
    }

    [Fact]
    public void Should_GrowCollectiveLatencyWithDevices_When_TensorParallelWidens()
    {
        // Per all-reduce: 12 µs + 2(n − 1) × 1 µs.
        static double PerAllReduce(int tp)
        {
            InferenceResult r = InferenceEstimator.Estimate(Llama2_7B, Deployment(A100_80, tp) with { CollectiveLatency = Burnrate.Core.Quantities.Duration.FromMilliseconds(0.012) }, BatchOne, EfficiencyFactors.Default);
            double bytes = 2.0 * (tp - 1) / tp * 4096 * 2 / (300e9 * 0.7);
            return (r.DecodeParts.Communication.Seconds / 64) - bytes;
        }

        PerAllReduce(2).ShouldBe(14e-6, 1e-9);
        PerAllReduce(8).ShouldBe(26e-6, 1e-9);
    }

    [Fact]
    public void Should_PrefillLongPromptsMoreEfficiently_When_TheStepHoldsMoreTokens()
    {
        EfficiencyFactors e = EfficiencyFactors.Default;
        e.PrefillCompute(128).ShouldBe(0.375, 1e-12);
        e.PrefillCompute(512).ShouldBe(0.6, 1e-12);
        e.PrefillCompute(1e6).ShouldBeLessThan(0.75);
        (e with { Compute = 0.9 }).PrefillCompute(1e6).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Should_ChargeTheOutputHeadOnce_When_PrefillingAPrompt()
    {
        // Given: Llama 3.1 8B (128,256-token vocabulary, untied head of 0.53B) prefilling 2,048 tokens alone on one H100
        const int N = 2048;
        Burnrate.Core.Models.ParameterCount count = Burnrate.Core.Models.ParameterCounter.Count(Llama8B);
        double head = count.ActiveCompute - count.ActiveNonEmbedding;
        double attention = 4.0 * Llama8B.Layers * Llama8B.AttentionHeads * Llama8B.HeadDim;

        // When
        InferenceResult r = InferenceEstimator.Estimate(Llama8B, Deployment(H100, 1), new InferenceWorkload(N, 1, 1), EfficiencyFactors.Default);

        // Then: the layers' matmuls for every prompt token, the head for the last one only (the token that samples)
        head.ShouldBe(128_256.0 * 4096, 1);
        double flop = (2 * (count.ActiveCompute - head) * N) + (2 * head) + (attention * N * (N + 1) / 2);
        double seconds = flop / (989.4e12 * EfficiencyFactors.Default.PrefillCompute(N));
        r.PrefillParts.Compute.Seconds.ShouldBe(seconds, seconds * 1e-9);
        r.PrefillBound.ShouldBe(ResourceBound.Compute);
        double perTokenHead = (2 * count.ActiveCompute * N) + (attention * N * (N + 1) / 2);
        (flop / perTokenHead).ShouldBeLessThan(0.94); // charging the head per prompt token overstated prefill by > 6%
    }

    [Fact]
    public void Should_AddWaitingAndTheBatchToTtft_When_OthersAreDecoding()
    {
        InferenceDeployment d = Deployment(H100, 1);
        InferenceResult alone = InferenceEstimator.Estimate(Llama8B, d, new InferenceWorkload(1000, 200, 1), EfficiencyFactors.Default);
        InferenceResult busy = InferenceEstimator.Estimate(Llama8B, d, new InferenceWorkload(1000, 200, 32), EfficiencyFactors.Default);

        alone.Ttft.Seconds.ShouldBe(alone.PrefillParts.Compute.Seconds > alone.PrefillParts.Memory.Seconds ? alone.PrefillParts.Compute.Seconds : alone.PrefillParts.Memory.Seconds, 1e-12);
        busy.Ttft.Seconds.ShouldBeGreaterThan(alone.Ttft.Seconds + (0.5 * busy.Tpot.Seconds));
        busy.E2e.Seconds.ShouldBe(busy.Ttft.Seconds + (199 * busy.Tpot.Seconds), 1e-9);
    }
}
