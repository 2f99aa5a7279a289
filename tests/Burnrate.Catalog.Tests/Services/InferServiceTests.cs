using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests.Services;

public sealed class InferServiceTests
{
    private static readonly DeploymentRequest H100x2 = new() { Model = "llama-3.1-70b", Gpu = "h100-sxm", Gpus = 2 };

    [Fact]
    public void Should_TakeEveryFigureFromTheEstimator_When_Run()
    {
        // Given
        var request = new InferRequest { Deployment = H100x2, Concurrency = 2 };

        // When
        InferReport report = InferService.Run(BurnrateCatalog.Embedded, request);

        // Then: the same deployment through the resolver and the estimator gives exactly the reported figures (copied, not recomputed)
        ResolvedDeployment resolved = DeploymentResolver.Resolve(BurnrateCatalog.Embedded, H100x2);
        InferenceResult direct = InferenceEstimator.Estimate(resolved.Model, resolved.Deployment, new InferenceWorkload(2000, 500, 2), EfficiencyFactors.Default);
        report.FitsInMemory.ShouldBeTrue();
        report.TtftSeconds.ShouldBe(direct.Ttft.Seconds);
        report.TpotSeconds.ShouldBe(direct.Tpot.Seconds);
        report.OutputTokensPerSecond.ShouldBe(direct.OutputTokensPerSecond);
        report.WeightBytesPerGpu.ShouldBe(direct.WeightBytesPerDevice.Value);
        report.CostPerRequestUsd.ShouldBe(direct.CostPerRequest.Value);
        report.Assumptions.Select(a => a.Name).Take(3).ShouldBe(["input", "output", "concurrency"]);
        report.Assumptions[2].Source.ShouldBe("user");
        report.Sweep.ShouldBeNull();
        report.Compare.ShouldBeNull();
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public bool Should_ScaleThroughputAndCostByTheReplicas_When_EachReplicaCarriesTheSameLoad(FsCheck.PositiveInt replicaCount, FsCheck.PositiveInt perReplica)
    {
        // Given: one replica of 2 devices at concurrency c, and R copies of it at concurrency R·c
        int r = 1 + (replicaCount.Get % 12);
        int c = 1 + (perReplica.Get % 48);
        InferReport one = InferService.Run(BurnrateCatalog.Embedded, new InferRequest { Deployment = H100x2, Concurrency = c });

        // When
        InferReport many = InferService.Run(BurnrateCatalog.Embedded, new InferRequest { Deployment = H100x2 with { Gpus = null, Replicas = r, TensorParallel = 2 }, Concurrency = r * c });

        // Then: R times the devices, the throughput and the cost per hour; the same latency and cost per request
        static bool Near(double? a, double? b) => a is { } x && b is { } y && Math.Abs(x - y) <= 1e-9 * Math.Abs(y);
        return one.FitsInMemory == many.FitsInMemory && many.Gpus == 2 * r && many.Replicas == r
            && (!one.FitsInMemory || (Near(many.OutputTokensPerSecond, r * one.OutputTokensPerSecond) && Near(many.CostPerHourUsd, r * one.CostPerHourUsd)
                && Near(many.TpotSeconds, one.TpotSeconds) && Near(many.TtftSeconds, one.TtftSeconds) && Near(many.CostPerRequestUsd, one.CostPerRequestUsd)));
    }

    [Fact]
    public void Should_SplitTheStepsByPart_When_BreakdownAsked()
    {
        // When
        InferReport plain = InferService.Run(BurnrateCatalog.Embedded, new InferRequest { Deployment = H100x2, Concurrency = 2 });
        InferReport split = InferService.Run(BurnrateCatalog.Embedded, new InferRequest { Deployment = H100x2, Concurrency = 2, Breakdown = true });
        InferReport tooMany = InferService.Run(BurnrateCatalog.Embedded, new InferRequest { Deployment = H100x2, Concurrency = 64, Breakdown = true });

        // Then: decode is the TPOT step, prefill the TTFT of one prompt alone; nothing when not asked or not fitting
        plain.Breakdown.ShouldBeNull();
        tooMany.FitsInMemory.ShouldBeFalse();
        tooMany.Breakdown.ShouldBeNull();
        StepBreakdown[] steps = [.. split.Breakdown.ShouldNotBeNull()];
        steps.Select(s => s.Step).ShouldBe(["decode", "prefill"]);
        steps[0].Seconds.ShouldBe(split.TpotSeconds.ShouldNotBeNull(), 1e-15);
        steps[0].Parts.Select(p => p.Name).ShouldBe(["attention projections", "attention scores", "mlp/experts", "output head", "communication", "overhead"]);
        steps[0].Parts.Sum(p => p.Seconds).ShouldBe(steps[0].Seconds, 1e-12);
    }

    [Fact]
    public void Should_SortAndDeduplicateTheSweep_When_SweepGiven()
    {
        InferReport report = InferService.Run(BurnrateCatalog.Embedded, new InferRequest { Deployment = H100x2, SweepConcurrency = [64, 1, 64, 2] });

        report.Sweep.ShouldNotBeNull().Select(s => s.Concurrency).ShouldBe([1, 2, 64]);
        report.Sweep[2].FitsInMemory.ShouldBeFalse();
        report.Sweep[2].CostPerRequestUsd.ShouldBeNull();
        report.Infeasible().Select(e => e.Concurrency).ShouldBe([32, 64]);
    }

    [Fact]
    public void Should_CompareOnTheFirstsSettings_When_CompareTargetsGiven()
    {
        // When: the compared configuration takes its own device count, so its tensor-parallel degree spreads over them
        InferReport report = InferService.Run(BurnrateCatalog.Embedded, new InferRequest
        {
            Deployment = H100x2 with { KvCache = "fp8" },
            Concurrency = 2,
            Compare = [new InferCompareTarget("llama-3.1-8b", "h100-sxm", "fp8", 1), new InferCompareTarget("llama-3.1-70b", "h100-sxm", "int4")],
        });

        // Then
        InferComparison[] compare = [.. report.Compare.ShouldNotBeNull()];
        compare.Select(c => c.Label).ShouldBe(["llama-3.1-70b 2×h100-sxm bf16", "llama-3.1-8b 1×h100-sxm fp8", "llama-3.1-70b 2×h100-sxm int4"]);
        compare.ShouldAllBe(c => c.Kv == "fp8");
        compare[0].SavingVsFirst.ShouldBe(0);
        compare[1].SavingVsFirst.ShouldNotBeNull().ShouldBeGreaterThan(0.5);
        compare[2].Tp.ShouldBe(2);
    }

    [Fact]
    public void Should_ReturnEveryBadField_When_RequestInvalid()
    {
        var request = new InferRequest
        {
            Deployment = H100x2 with { Gpus = 0 },
            InputTokens = 0,
            Concurrency = -1,
            ComputeEfficiency = 1.5,
            SweepConcurrency = [8, 0],
            Compare = [new InferCompareTarget("llama-3.1-8b", "h100-sxm", "int3")],
        };

        var e = Should.Throw<InputException>(() => InferService.Run(BurnrateCatalog.Embedded, request));

        e.Errors.Select(x => x.Field).ShouldBe(["input", "concurrency", "computeEfficiency", "sweepConcurrency", "compare", "gpus"]);
    }
}
