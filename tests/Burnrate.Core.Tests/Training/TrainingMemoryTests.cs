using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using FsCheck;
using FsCheck.Xunit;

namespace Burnrate.Core.Tests.Training;

public sealed class TrainingMemoryTests
{
    [Fact]
    public void Should_Need16BytesPerParameter_When_NothingIsSharded()
    {
        // Given: Rajbhandari et al. 2020 (arXiv 1910.02054) §3.1: mixed-precision Adam holds 2Ψ + 2Ψ + 12Ψ = 16Ψ bytes.
        TrainingRun run = TrainingFixtures.RawRun(7.5e9, 1e12, 64) with { Sharding = ShardingStrategy.None };

        // When
        MemoryBreakdown m = TrainingMemory.PerDevice(run);

        // Then
        m.Weights.Value.ShouldBe(2 * 7.5e9, 1);
        m.Gradients.Value.ShouldBe(2 * 7.5e9, 1);
        m.OptimizerStates.Value.ShouldBe(12 * 7.5e9, 1);
        m.Activations.ShouldBe(Bytes.Zero);
    }

    [Theory]
    [InlineData(ShardingStrategy.Zero1, 31.4)]
    [InlineData(ShardingStrategy.Zero2, 16.6)]
    [InlineData(ShardingStrategy.Zero3, 1.9)]
    [InlineData(ShardingStrategy.Fsdp, 1.9)]
    public void Should_ReproduceZeroPaperFigure1_When_7_5BParametersOn64Ranks(ShardingStrategy sharding, double expectedGB)
    {
        // Given: ZeRO paper (arXiv 1910.02054) Figure 1: Ψ = 7.5B, N_d = 64, K = 12 → 120 GB baseline,
        // 31.4 GB (P_os), 16.6 GB (P_os+g), 1.9 GB (P_os+g+p).
        TrainingRun run = TrainingFixtures.RawRun(7.5e9, 1e12, 64) with { Sharding = sharding };

        // When
        double gb = TrainingMemory.PerDevice(run).Total.ToGB();

        // Then
        gb.ShouldBe(expectedGB, 0.05);
    }

    [Fact]
    public void Should_ReproduceKorthikantiActivations_When_NoRecompute()
    {
        // Given: Korthikanti et al. 2022 (arXiv 2205.05198) eq. 2 with tensor + sequence parallelism:
        // per layer s·b·h·(34/t + 5·a·s/(h·t)) bytes. GPT-3 shape, s = 2048, b = 1, t = 8.
        ModelArchitecture gpt3 = TrainingFixtures.Gpt3;

        // When
        Bytes none = TrainingMemory.Activations(gpt3, 2048, 1, 8, RecomputeMode.None);
        Bytes selective = TrainingMemory.Activations(gpt3, 2048, 1, 8, RecomputeMode.Selective);
        Bytes full = TrainingMemory.Activations(gpt3, 2048, 1, 8, RecomputeMode.Full);

        // Then
        double sbh = 2048.0 * 12288;
        none.Value.ShouldBe(96 * sbh * (34 + (5.0 * 96 * 2048 / 12288)) / 8, 1);
        selective.Value.ShouldBe(96 * sbh * 34 / 8, 1);
        full.Value.ShouldBe(96 * sbh * 2, 1);
        (none > selective && selective > full).ShouldBeTrue();
    }

    [Fact]
    public void Should_GiveKorthikanti34_When_LayerIsGptShaped()
    {
        // Given: Korthikanti et al. 2022 §4.1: a GPT layer stores 11 (attention) + 19 (MLP) + 4 (norms) = 34 bytes per s·b·h.
        // When
        double gpt = TrainingMemory.LayerCoefficient(TrainingFixtures.Gpt3);

        // Then
        gpt.ShouldBe(34, 1e-12);
    }

    [Fact]
    public void Should_CountGroupedKvAndGatedAndRoutedExperts_When_LayerIsMixtralShaped()
    {
        // Given: Mixtral shape, h 4096, 32 heads × 128, 8 KV heads, gated experts of 14336, top-2
        ModelArchitecture mixtral = TrainingFixtures.Moe(8, 2);

        // When
        double c = TrainingMemory.LayerCoefficient(mixtral);

        // Then: attention 2 + 2 + 0.5 + 0.5 + 2 + 1 = 8; MLP 2 + 8·2·14336/4096 + 1 = 59; norms 4
        c.ShouldBe(8 + 59 + 4, 1e-9);
        TrainingMemory.LayerCoefficient(TrainingFixtures.Moe(64, 2)).ShouldBe(c, 1e-12); // activations follow active experts, not total
    }

    [Property(MaxTest = 100)]
    public bool Should_ScaleFlopsWithActiveAndMemoryWithTotal_When_MoeExpertsChange(PositiveInt routed, PositiveInt topK)
    {
        // Given: two MoEs with the same experts per token but different numbers of routed experts, and vice versa
        int k = 1 + (topK.Get % 4);
        int experts = k + 1 + (routed.Get % 60);
        TrainingRun few = TrainingFixtures.Run(TrainingFixtures.Moe(experts, k), 1e12, 64);
        TrainingRun many = TrainingFixtures.Run(TrainingFixtures.Moe(experts + 8, k), 1e12, 64);
        TrainingRun moreActive = TrainingFixtures.Run(TrainingFixtures.Moe(experts, k + 1), 1e12, 64);

        // When
        double flopsFew = TrainingFlops.Model(few).Value, flopsMany = TrainingFlops.Model(many).Value, flopsActive = TrainingFlops.Model(moreActive).Value;
        double memFew = TrainingMemory.PerDevice(few).Weights.Value, memMany = TrainingMemory.PerDevice(many).Weights.Value, memActive = TrainingMemory.PerDevice(moreActive).Weights.Value;

        // Then: FLOPs follow active parameters (6·N_active·T + attention; more routed experts add only router columns),
        // weights follow total parameters (2 bytes each, no sharding of weights under ZeRO-1)
        bool flopsFollowActive = new[] { (few, flopsFew), (many, flopsMany), (moreActive, flopsActive) }
            .All(p => Math.Abs(p.Item2 - (6 * p.Item1.Parameters.ActiveCompute * 1e12) - TrainingFlops.Attention(p.Item1).Value) < 1e-9 * p.Item2);
        bool memoryFollowsTotal = new[] { (few, memFew), (many, memMany), (moreActive, memActive) }
            .All(p => Math.Abs((p.Item2 / 2) - p.Item1.Parameters.Total) < 1e-6 * p.Item1.Parameters.Total);
        return flopsFollowActive && memoryFollowsTotal
            && flopsActive > flopsFew * 1.05 && flopsMany < flopsFew * 1.001
            && memMany > memFew * 1.05 && Math.Abs(memActive - memFew) < 1e-6 * memFew;
    }

    [Fact]
    public void Should_DivideOnlyExpertWeightsByEp_When_ExpertParallel()
    {
        // Given: Mixtral-8x7B shape, 64 devices
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Moe(8, 2), 1e12, 64);
        double experts = TrainingMemory.RoutedExpertParameters(run.Architecture);
        double dense = run.Parameters.Total - experts;

        // When
        double ep1 = TrainingMemory.PerDevice(run).Weights.Value;
        double ep8 = TrainingMemory.PerDevice(run with { ExpertParallel = 8 }).Weights.Value;

        // Then
        ep1.ShouldBe(2 * run.Parameters.Total, 1);
        ep8.ShouldBe(2 * (dense + (experts / 8)), 1);
    }

    [Property(MaxTest = 100)]
    public bool Should_FitExactlyUpToTheBoundary_When_DeviceMemoryVaries(PositiveInt slack)
    {
        // Given: a device with exactly the memory the run needs, plus or minus some bytes
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 1e12, 1024) with { TensorParallel = 8, PipelineParallel = 8 };
        Bytes needed = TrainingMemory.PerDevice(run).Total;
        double delta = slack.Get * 1e3;

        // When
        TrainingEstimate exact = TrainingEstimator.Estimate(run with { Accelerator = TrainingFixtures.H100 with { Memory = needed } });
        TrainingEstimate under = TrainingEstimator.Estimate(run with { Accelerator = TrainingFixtures.H100 with { Memory = needed - new Bytes(delta) } });
        TrainingEstimate over = TrainingEstimator.Estimate(run with { Accelerator = TrainingFixtures.H100 with { Memory = needed + new Bytes(delta) } });

        // Then
        return exact.FitsInMemory && exact.Shortfall == Bytes.Zero
            && !under.FitsInMemory && Math.Abs(under.Shortfall.Value - delta) < 1e-3 * delta
            && over.FitsInMemory;
    }

    [Fact]
    public void Should_ReportShortfallAtEveryLayout_When_ModelCannotFitOnTheDevices()
    {
        // Given: GPT-3 175B on a single 80 GB H100 — 16 B × 175e9 = 2.8 TB of states alone
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 1e12, 1);

        // When
        TrainingEstimate e = TrainingEstimator.Estimate(run);

        // Then
        e.FitsInMemory.ShouldBeFalse();
        e.FitsAtSomeLayout.ShouldBeFalse();
        double expected = (16 * run.Parameters.Total) + TrainingMemory.Activations(run.Architecture, 2048, 1, 1, RecomputeMode.Full).Value - 80e9;
        e.ShortfallAtBestLayout.Value.ShouldBe(expected, 1e3);
    }

    [Fact]
    public void Should_FindAFittingLayout_When_DefaultLayoutIsTooBig()
    {
        // Given: GPT-3 on 1024 GPUs with no model parallelism and ZeRO-1 (weights and gradients replicated: 700 GB)
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 1e12, 1024);

        // When
        TrainingEstimate e = TrainingEstimator.Estimate(run);

        // Then
        e.FitsInMemory.ShouldBeFalse();
        e.FitsAtSomeLayout.ShouldBeTrue();
        e.LeastMemory.Total.ShouldBeLessThan(e.DeviceMemory);
        (1024 % e.LeastMemory.Layout.Devices).ShouldBe(0);
    }

    [Property(MaxTest = 100)]
    public bool Should_NeverUseMoreMemory_When_ZeroStageRises(PositiveInt n)
    {
        // Given
        int devices = 8 * (1 + (n.Get % 256));
        TrainingRun run = TrainingFixtures.Run(TrainingFixtures.Gpt3, 1e12, devices) with { TensorParallel = 8 };

        // When
        double[] totals = [.. new[] { ShardingStrategy.None, ShardingStrategy.Zero1, ShardingStrategy.Zero2, ShardingStrategy.Zero3 }
            .Select(s => TrainingMemory.PerDevice(run with { Sharding = s }).Total.Value)];

        // Then
        return totals.Zip(totals.Skip(1)).All(p => p.Second <= p.First);
    }
}
