using Burnrate.Catalog.Services;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests.Services;

public sealed class OptimizeServiceTests
{
    [Fact]
    public void Should_FindEachModelsCheapestAlone_When_SeveralModels()
    {
        // Given: two models, only the overall cheapest kept
        var request = new OptimizeRequest { Models = ["llama-3.1-8b", "llama-3.1-70b"], GpusAllowed = ["h100-sxm"], MaxDevices = 4, Top = 1 };

        // When
        OptimizeReport both = OptimizeService.Run(BurnrateCatalog.Embedded, request);
        OptimizeReport big = OptimizeService.Run(BurnrateCatalog.Embedded, request with { Models = ["llama-3.1-70b"] });

        // Then: the 70B's entry is what a search of the 70B alone finds, and the overall best is the 8B's entry
        both.BestByModel.ShouldNotBeNull().Keys.ShouldBe(["llama-3.1-8b", "llama-3.1-70b"]);
        OptimizeConfiguration own = both.BestByModel["llama-3.1-70b"].ShouldNotBeNull();
        OptimizeConfiguration alone = big.Best.ShouldNotBeNull();
        own.CostPerRequestUsd.ShouldBe(alone.CostPerRequestUsd);
        (own.Gpus, own.Tp, own.Weights, own.Kv, own.Concurrency).ShouldBe((alone.Gpus, alone.Tp, alone.Weights, alone.Kv, alone.Concurrency));
        both.BestByModel["llama-3.1-8b"].ShouldBe(both.Best);
        big.BestByModel.ShouldBeNull();
    }

    [Fact]
    public void Should_SearchOnlyTheReplicaCountsAsked_When_ReplicasGiven()
    {
        // Given: 3 replicas of a power-of-two tp × pp, within 8 devices (so 3 or 6 devices)
        var request = new OptimizeRequest { Models = ["llama-3.1-8b"], GpusAllowed = ["h100-sxm"], MaxDevices = 8, Replicas = [3], Top = 10 };

        // When
        OptimizeReport report = OptimizeService.Run(BurnrateCatalog.Embedded, request);

        // Then: every configuration kept has 3 replicas, and 3 × (tp × pp) devices
        report.Cheapest.ShouldNotBeEmpty();
        report.Cheapest.Concat(report.Pareto).ShouldAllBe(c => c.Replicas == 3 && c.Gpus == 3 * c.Tp * c.Pp);
        report.Cheapest.Select(c => c.Gpus).Distinct().Order().ShouldBe([3, 6]);
        report.Assumptions.Single(a => a.Name == "search").Value.ShouldStartWith("devices 3/6; replicas 3 of every power-of-two tp × pp");
    }

    [Fact]
    public void Should_UseTheSourcedDefaults_When_FieldsAreLeftOut()
    {
        OptimizeReport report = OptimizeService.Run(BurnrateCatalog.Embedded, new OptimizeRequest { Models = ["llama-3.1-8b"], GpusAllowed = ["h100-sxm"], MaxDevices = 1 });

        report.Slo.ShouldBe(new ServiceLevelObjective(Duration.FromSeconds(0.5), Duration.FromSeconds(0.05)));
        report.Assumptions.Single(a => a.Name == "slo-ttft").Source.ShouldBe("default");
        report.Cheapest.Count.ShouldBeLessThanOrEqualTo(OptimizeService.DefaultTop);
        report.Cheapest.ShouldAllBe(c => c.TpotSeconds <= 0.05 && c.TtftSeconds <= 0.5);
    }

    [Fact]
    public void Should_StopTheSearch_When_TheTokenIsCancelled()
    {
        // Given
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When / Then
        Should.Throw<OperationCanceledException>(() => OptimizeService.Run(BurnrateCatalog.Embedded, new OptimizeRequest { Models = ["llama-3.1-8b"] }, null, cancelled.Token));
    }

    [Fact]
    public void Should_ReturnEveryBadField_When_RequestInvalid()
    {
        var request = new OptimizeRequest
        {
            Models = ["llama-3.1-8b"], SloTpot = Duration.FromSeconds(-1), MaxDevices = 0, Weights = ["int3"], Concurrency = [0], Top = 0, Replicas = [0],
        };

        var e = Should.Throw<InputException>(() => OptimizeService.Run(BurnrateCatalog.Embedded, request));

        e.Errors.Select(x => x.Field).ShouldBe(["sloTpot", "maxDevices", "top", "weights", "concurrency", "replicas"]);
    }
}
