using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

/// <summary>The infer report copies the estimator's figures and prices only configurations that fit.</summary>
public sealed class InferEstimateTests
{
    private static readonly (ModelArchitecture Model, InferenceDeployment Deployment)[] Setups =
    [
        (Llama8B, Deployment(H100, 1)),
        (Llama70B, Deployment(H100, 2)),
        (Llama70B, Deployment(A100_80, 8, tp: 4)),
    ];

    [Property(MaxTest = 200)]
    public Property Should_PriceExactlyTheConfigurationsThatFit_When_ConcurrencyVaries(PositiveInt setup, PositiveInt concurrency)
    {
        // Given: a concurrency from 1 to 2048, so some configurations fit and some do not
        var (model, d) = Setups[setup.Get % Setups.Length];
        var workload = new InferenceWorkload(2000, 500, 1 + (concurrency.Get % 2048));
        InferenceResult r = InferenceEstimator.Estimate(model, d, workload, EfficiencyFactors.Default);

        // When
        InferEstimate e = InferEstimate.From(model.Id, d, workload, r);

        // Then: every throughput, latency and cost figure is the estimator's when it fits, and null when it does not
        double?[] priced =
        [
            e.TtftSeconds, e.TpotSeconds, e.E2eSeconds, e.OutputTokensPerSecond, e.RequestsPerSecond, e.DecodeComputeSeconds, e.DecodeMemorySeconds,
            e.DecodeCommunicationSeconds, e.PrefillComputeSeconds, e.PrefillMemorySeconds, e.PrefillCommunicationSeconds, e.PrefillShare,
            e.CostPerHourUsd, e.CostPerMillionInputTokensUsd, e.CostPerMillionOutputTokensUsd, e.CostPerRequestUsd, e.EnergyJoulesPerOutputToken,
        ];
        bool holds = e.FitsInMemory == r.FitsInMemory
            && e.MemoryShortfallPerGpuBytes == r.MemoryShortfallPerDevice.Value
            && (r.FitsInMemory
                ? priced.All(v => v is not null) && e.TtftSeconds == r.Ttft.Seconds && e.CostPerRequestUsd == r.CostPerRequest.Value
                    && e.OutputTokensPerSecond == r.OutputTokensPerSecond && e.DecodeBound is not null
                : priced.All(v => v is null) && e.DecodeBound is null && e.PrefillBound is null && e.MemoryShortfallPerGpuBytes > 0);
        return holds.Label($"{model.Id} c={workload.Concurrency} fits={r.FitsInMemory}");
    }

    [Fact]
    public void Should_KeepMemoryFiguresAndLayout_When_ItDoesNotFit()
    {
        // Given: Llama 3.1 70B in bf16 on one H100 (weights alone exceed 80 GB)
        var workload = new InferenceWorkload(2000, 500, 32);
        InferenceResult r = InferenceEstimator.Estimate(Llama70B, Deployment(H100, 1), workload, EfficiencyFactors.Default);

        // When
        InferEstimate e = InferEstimate.From(Llama70B.Id, Deployment(H100, 1), workload, r);

        // Then
        r.FitsInMemory.ShouldBeFalse();
        e.WeightBytesPerGpu.ShouldBe(r.WeightBytesPerDevice.Value);
        e.MemoryPerGpuBytes.ShouldBe(r.MemoryPerDevice.Value);
        e.MaxConcurrency.ShouldBe(0);
        e.Replicas.ShouldBe(1);
        e.Label.ShouldBe("llama-3.1-70b 1×h100-sxm bf16");
    }
}
