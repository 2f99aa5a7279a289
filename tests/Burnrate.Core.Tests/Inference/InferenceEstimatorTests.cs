using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

public sealed class InferenceEstimatorTests
{
    private static readonly InferenceWorkload Chat = new(2000, 500, 1);

    [Fact]
    public void Should_MatchHandCountedKvPerToken_When_GqaModel()
    {
        // Llama 3.1 70B, bf16: 2 (K and V) · 80 layers · 8 KV heads · 128 head dim · 2 bytes = 327,680 bytes (320 KiB).
        InferenceResult r = InferenceEstimator.Estimate(Llama70B, Deployment(H100, 4), Chat, EfficiencyFactors.Default);

        r.KvCacheBytesPerToken.Value.ShouldBe(327_680, 1e-6);
    }

    [Fact]
    public void Should_MatchHandCountedKvPerToken_When_MlaModel()
    {
        // DeepSeek-V3, bf16: 61 layers · (512 latent + 64 RoPE key) · 2 bytes = 70,272 bytes; fp8 halves it to 35,136.
        InferenceResult bf16 = InferenceEstimator.Estimate(DeepSeekV3, Deployment(H100, 8), Chat, EfficiencyFactors.Default);
        InferenceResult fp8 = InferenceEstimator.Estimate(DeepSeekV3, Deployment(H100, 8) with { KvCache = Precision.Fp8 }, Chat, EfficiencyFactors.Default);

        bf16.KvCacheBytesPerToken.Value.ShouldBe(70_272, 1e-6);
        fp8.KvCacheBytesPerToken.Value.ShouldBe(35_136, 1e-6);
    }

    [Fact]
    public void Should_FitExactlyAtMaxConcurrency_When_OneMoreSequenceOverflows()
    {
        // Given Llama 3.1 70B bf16 on 2×H100, TP 2: 70.55e9·2/2 B of weights per device, 2500 tokens × 327,680 / 2 B of KV per sequence per device
        InferenceDeployment d = Deployment(H100, 2);
        var workload = new InferenceWorkload(2000, 500, 1);
        InferenceResult probe = InferenceEstimator.Estimate(Llama70B, d, workload, EfficiencyFactors.Default);
        double usable = 80e9 * 0.9;
        double kvPerSequence = 2500 * 327_680 / 2.0;
        int expectedMax = (int)Math.Floor((usable - probe.WeightBytesPerDevice.Value) / kvPerSequence);

        // When
        InferenceResult atMax = InferenceEstimator.Estimate(Llama70B, d, workload with { Concurrency = expectedMax }, EfficiencyFactors.Default);
        InferenceResult over = InferenceEstimator.Estimate(Llama70B, d, workload with { Concurrency = expectedMax + 1 }, EfficiencyFactors.Default);

        // Then
        expectedMax.ShouldBeGreaterThan(0);
        probe.MaxConcurrency.ShouldBe(expectedMax);
        atMax.FitsInMemory.ShouldBeTrue();
        atMax.MemoryPerDevice.Value.ShouldBeLessThanOrEqualTo(80e9);
        over.FitsInMemory.ShouldBeFalse();
        over.MemoryShortfallPerDevice.Value.ShouldBeGreaterThan(0);
        over.MemoryShortfallPerDevice.Value.ShouldBeLessThanOrEqualTo(kvPerSequence);
    }

    [Fact]
    public void Should_ReportShortfall_When_ModelDoesNotFit()
    {
        // DeepSeek-V3's 671B bf16 weights (~1.34 TB) on a single 80 GB H100.
        InferenceResult r = InferenceEstimator.Estimate(DeepSeekV3, Deployment(H100, 1), Chat, EfficiencyFactors.Default);

        r.FitsInMemory.ShouldBeFalse();
        r.MaxConcurrency.ShouldBe(0);
        (r.WeightBytesPerDevice.Value / (671.03e9 * 2)).ShouldBe(1, 0.01);
        r.MemoryShortfallPerDevice.Value.ShouldBe(r.MemoryPerDevice.Value - 80e9, 1);
        r.MemoryShortfallPerDevice.Value.ShouldBeGreaterThan(1.2e12);
    }

    [Fact]
    public void Should_BeMemoryBound_When_DecodingAtBatchOne()
    {
        InferenceResult r = InferenceEstimator.Estimate(Llama8B, Deployment(H100, 1), Chat, EfficiencyFactors.Default);

        r.DecodeBound.ShouldBe(ResourceBound.Memory);
        r.DecodeParts.Memory.Seconds.ShouldBeGreaterThan(10 * r.DecodeParts.Compute.Seconds);
    }

    [Fact]
    public void Should_BeComputeBound_When_PrefillingALongPrompt()
    {
        InferenceResult r = InferenceEstimator.Estimate(Llama8B, Deployment(H100, 1), new InferenceWorkload(4096, 100, 64), EfficiencyFactors.Default);

        r.PrefillBound.ShouldBe(ResourceBound.Compute);
        r.PrefillParts.Compute.Seconds.ShouldBeGreaterThan(10 * r.PrefillParts.Memory.Seconds);
    }

    [Fact]
    public void Should_BeComputeBound_When_DecodeBatchIsLarge()
    {
        InferenceResult r = InferenceEstimator.Estimate(Llama8B, Deployment(H100, 1), new InferenceWorkload(128, 128, 512), EfficiencyFactors.Default);

        r.DecodeBound.ShouldBe(ResourceBound.Compute);
    }

    [Fact]
    public void Should_ReproduceGptFastDecodeRate_When_Llama2_7B_OnA100AtBatchOne()
    {
        // pytorch-labs/gpt-fast README (public-figures.yaml inference_measurements): Llama-2-7B bf16, batch 1, 5-token prompt,
        // A100-80GB: 104.9 tokens/s, which the note works out as ~69% of the 2.039 TB/s peak. With bandwidth efficiency 0.69 the
        // model must land within 5% (the rest: KV and activation bytes and the exact weight bytes read per step).
        var efficiency = new EfficiencyFactors(EfficiencyFactors.DefaultCompute, 0.69, EfficiencyFactors.DefaultCommunication);
        InferenceResult r = InferenceEstimator.Estimate(Llama2_7B, Deployment(A100_80, 1), new InferenceWorkload(5, 200, 1), efficiency);

        double tokensPerSecond = 1 / r.Tpot.Seconds;
        (tokensPerSecond / 104.9).ShouldBe(1, 0.05);
        r.DecodeBound.ShouldBe(ResourceBound.Memory);
    }

    [Fact]
    public void Should_ReachGptFastInt8DecodeRateWithinTenPercent_When_Llama2_7BInt8_OnA100AtDefaults()
    {
        // pytorch-labs/gpt-fast README (public-figures.yaml inference_measurements, gpt-fast-llama-2-7b-a100-batch1): int8
        // weight-only, batch 1, 5-token prompt, A100-80GB: 155.6 tokens/s. Issue 15 found ≈214 (+38%) when every weight precision
        // was read at the 16-bit rate; with the default per-precision rates the model must land within 10%.
        InferenceResult r = InferenceEstimator.Estimate(Llama2_7B, Deployment(A100_80, 1, Precision.Int8), new InferenceWorkload(5, 200, 1), EfficiencyFactors.Default);

        (1 / r.Tpot.Seconds / 155.6).ShouldBe(1, 0.10);
        r.DecodeBound.ShouldBe(ResourceBound.Memory);
    }

    [Fact]
    public void Should_CiteTheBenchmarkOnlyForTheDefaultRate_When_WeightOnlyReadIsShown()
    {
        // Given: int8 weights at the default read rate, and at a calibrated one
        InferenceDeployment int8 = Deployment(A100_80, 1, Precision.Int8);
        var workload = new InferenceWorkload(5, 200, 1);

        // When
        Assumption byDefault = InferenceEstimator.Estimate(Llama2_7B, int8, workload, EfficiencyFactors.Default).Assumptions.Single(a => a.Name == "weight-only-read");
        Assumption calibrated = InferenceEstimator.Estimate(Llama2_7B, int8, workload, EfficiencyFactors.Default with { Int8WeightRead = 0.82 }).Assumptions.Single(a => a.Name == "weight-only-read");

        // Then: the benchmark is cited for its own figure only
        byDefault.Value.ShouldBe("77%");
        byDefault.Source.ShouldContain("gpt-fast README");
        calibrated.Value.ShouldBe("82%");
        calibrated.Source.ShouldNotContain("gpt-fast");
        calibrated.Source.ShouldContain("not the default 77%");
    }

    [Fact]
    public void Should_ReproduceFasterTransformerDecode_When_Gpt13B_OnA100_40GbAtDefaultEfficiency()
    {
        // kipply, "Transformer Inference Arithmetic" (2022), comparing with FasterTransformer (public-figures.yaml
        // inference_measurements): GPT-style 13B (40 layers, d_model 5120, 40 heads, FFN 20480, vocab 50272), A100-SXM-40GB,
        // fp16, batch 1, 512-token context: 22.0 ms per decoded token. At the default 0.7 bandwidth efficiency the model
        // must land within 10%. (Its 63.17 ms prefill implies ~0.67 compute efficiency against our default 0.5; not asserted.)
        var gpt13B = Llama2_7B with
        {
            Id = "gpt-13b", Layers = 40, HiddenSize = 5120, AttentionHeads = 40, KvHeads = 40, HeadDim = 128, FfnSize = 20480,
            FfnKind = Burnrate.Core.Models.FfnKind.Plain, VocabSize = 50272, TiedEmbeddings = true, MaxContext = 2048,
        };
        InferenceDeployment d = Deployment(A100_80, 1, Precision.Fp16) with
        {
            Accelerator = A100_80 with { Id = "a100-40gb", Memory = new Burnrate.Core.Quantities.Bytes(40e9), MemoryBandwidth = new Burnrate.Core.Quantities.BytesPerSecond(1.555e12) },
            Compute = Precision.Fp16,
        };

        InferenceResult r = InferenceEstimator.Estimate(gpt13B, d, new InferenceWorkload(512, 2, 1), EfficiencyFactors.Default);

        (r.Tpot.Milliseconds / 22.0).ShouldBe(1, 0.10);
    }

    [Fact]
    public void Should_AddAllReduceTime_When_TensorParallel()
    {
        // 2 all-reduces per layer × 80 layers × [2·(4−1)/4 × (1 token · 8192 · 2 B) ÷ (900 GB/s ÷ 2 × 0.7) + latency], the latency
        // being 12 µs + 2·(4−1) hops × 1 µs = 18 µs (NCCL ring model; it was a flat 10 µs before issue 15).
        InferenceResult r = InferenceEstimator.Estimate(Llama70B, Deployment(H100, 4), Chat, EfficiencyFactors.Default);
        double expected = 80 * 2 * (((2.0 * 3 / 4) * (8192 * 2) / (450e9 * 0.7)) + 18e-6);

        r.DecodeParts.Communication.Seconds.ShouldBe(expected, expected * 1e-9);
        r.Tpot.Seconds.ShouldBe(Math.Max(r.DecodeParts.Compute.Seconds, r.DecodeParts.Memory.Seconds) + expected, 1e-12);
    }

    [Fact]
    public void Should_PriceTimeConsistently_When_CostsAddUp()
    {
        InferenceResult r = InferenceEstimator.Estimate(Llama70B, Deployment(H100, 4), Chat with { Concurrency = 32 }, EfficiencyFactors.Default);

        // Given $2.5/device-h × 4 devices; a request is priced by its input at the input rate and its output at the output rate.
        r.CostPerHour.Value.ShouldBe(10, 1e-9);
        double perRequest = (r.CostPerMillionInputTokens.Value * 2000 / 1e6) + (r.CostPerMillionOutputTokens.Value * 500 / 1e6);
        r.CostPerRequest.Value.ShouldBe(perRequest, perRequest * 1e-9);
        r.OutputTokensPerSecond.ShouldBe(500 * r.RequestsPerSecond, 1e-6);
        r.E2e.Seconds.ShouldBe(r.Ttft.Seconds + (499 * r.Tpot.Seconds), 1e-9);
        // 4 × 700 W × 1.3 PUE per second of output
        r.EnergyPerOutputToken.Value.ShouldBe(4 * 700 * 1.3 / r.OutputTokensPerSecond, 1e-9);
    }

    [Fact]
    public void Should_KeepTheAllReduces_When_ExpertParallelStaysInsideTensorParallel()
    {
        // DeepSeek-V3 on 8×H100, TP 8, EP 8, batch 1: every device already holds every token after the attention all-reduce, so
        // the MoE layers need no all-to-all (issue 15; the model charged 58 · 2 all-to-alls before): 61 layers · 2 all-reduces of
        // 2·7/8 · 7168 · 2 B over 450 GB/s × 0.7 one way, each 12 µs + 14 hops × 1 µs.
        InferenceDeployment d = Deployment(H100, 8, Precision.Fp8) with { Compute = Precision.Fp8, ExpertParallel = 8 };
        InferenceResult r = InferenceEstimator.Estimate(DeepSeekV3, d, Chat, EfficiencyFactors.Default);
        double message = 7168 * 2;
        double expected = (122 * 2 * 7.0 / 8 * message / (450e9 * 0.7)) + (122 * 26e-6);

        r.DecodeParts.Communication.Seconds.ShouldBe(expected, expected * 1e-9);
        InferenceResult tpOnly = InferenceEstimator.Estimate(DeepSeekV3, d with { ExpertParallel = 1 }, Chat, EfficiencyFactors.Default);
        tpOnly.DecodeParts.Communication.Seconds.ShouldBe(expected, expected * 1e-9);
    }

    [Fact]
    public void Should_ReplaceMoeAllReduceWithAllToAll_When_ExpertParallelSpansBeyondTensorParallel()
    {
        // TP 2 × PP 4 with EP 8: the experts spread beyond the TP group, so each MoE layer trades its FFN all-reduce for dispatch and
        // combine all-to-alls. Per stage (61/4 layers, 58/4 MoE layers) at micro-batch 1: (61/4 · 2 − 58/4) all-reduces of
        // 2·1/2 · message, 58/4 · 2 all-to-alls of message · D · 7/8 with D = 8·(1 − (7/8)^8); latencies 12 + 2 hops and 12 + 7 hops µs.
        InferenceDeployment d = Deployment(H100, 8, Precision.Fp8, tp: 2, pp: 4) with { Compute = Precision.Fp8, ExpertParallel = 8 };
        InferenceResult r = InferenceEstimator.Estimate(DeepSeekV3, d, Chat with { Concurrency = 4 }, EfficiencyFactors.Default);
        double message = 7168 * 2;
        double devicesPerToken = 8 * (1 - Math.Pow(7.0 / 8, 8));
        double layers = 61 / 4.0;
        double moe = 58 / 4.0;
        double allReduces = (layers * 2) - moe;
        double bytes = (allReduces * 2 * 0.5 * message) + (moe * 2 * message * devicesPerToken * 7 / 8);
        double stage = (bytes / (450e9 * 0.7)) + (allReduces * 14e-6) + (moe * 2 * 19e-6);

        r.DecodeParts.Communication.Seconds.ShouldBe(4 * stage, stage * 1e-9);
    }

    [Fact]
    public void Should_ReadFewerExpertBytes_When_MoeBatchIsSmall()
    {
        InferenceDeployment d = Deployment(H100, 16) with { Weights = Precision.Fp8, Compute = Precision.Fp8 };
        InferenceResult one = InferenceEstimator.Estimate(DeepSeekV3, d, Chat, EfficiencyFactors.Default);
        InferenceResult many = InferenceEstimator.Estimate(DeepSeekV3, d, Chat with { Concurrency = 256 }, EfficiencyFactors.Default);

        // At batch 1 a step reads ~37B active parameters, at 256 nearly all 671B: memory time grows far more than 1×, far less than 256×.
        double ratio = many.DecodeParts.Memory.Seconds / one.DecodeParts.Memory.Seconds;
        ratio.ShouldBeGreaterThan(5);
        ratio.ShouldBeLessThan(256);
    }

    [Fact]
    public void Should_Throw_When_ParallelismDoesNotDivideDevices()
    {
        InferenceDeployment d = Deployment(H100, 4) with { TensorParallel = 3 };

        Should.Throw<ArgumentException>(() => InferenceEstimator.Estimate(Llama70B, d, Chat, EfficiencyFactors.Default)).Message.ShouldContain("multiple of tp");
    }

    [Fact]
    public void Should_RejectEfficiency_When_OutsideUnitInterval()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new EfficiencyFactors(0, 0.5, 0.5));
        Should.Throw<ArgumentOutOfRangeException>(() => new EfficiencyFactors(0.5, 1.01, 0.5));
        Should.Throw<ArgumentOutOfRangeException>(() => EfficiencyFactors.Default with { Communication = -0.1 });
    }
}
