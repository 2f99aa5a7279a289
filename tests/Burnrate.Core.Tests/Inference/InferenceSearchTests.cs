using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

public sealed class InferenceSearchTests
{
    private static SearchSpace Space(ServiceLevelObjective slo) => new()
    {
        Models = [Llama70B, Llama8B],
        Accelerators = [new PricedAccelerator(H100, new UsdPerGpuHour(3.99), new Watts(700)), new PricedAccelerator(A100_80, new UsdPerGpuHour(1.79), new Watts(400))],
        DeviceCounts = [1, 2, 4],
        Weights = [Precision.Bf16, Precision.Int4],
        KvCaches = [Precision.Bf16, Precision.Fp8],
        Concurrencies = [1, 8, 64],
        InputTokens = 2000,
        OutputTokens = 500,
        Slo = slo,
    };

    [Fact]
    public void Should_EvaluateEveryCombination_When_Searching()
    {
        // 2 models × 2 GPUs × 10 (devices, tp, pp) splits [1: 1; 2: 3; 4: 6] × 2 weights × 2 KV × 3 concurrencies
        SearchResult r = InferenceSearch.Run(Space(new(Duration.FromSeconds(10), Duration.FromSeconds(10))));

        r.Evaluated.ShouldBe(2 * 2 * 10 * 2 * 2 * 3);
        r.FailedTtft.ShouldBe(0);
        r.Feasible.ShouldBe(r.Evaluated - r.FailedMemory);
    }

    [Fact]
    public void Should_SkipSplitsWithOtherReplicaCounts_When_ReplicasAreListed()
    {
        // Given: devices 1, 2, 4 and only 2 replicas allowed: (2: tp 1 pp 1) and (4: 2×1, 1×2) = 3 splits
        SearchSpace space = Space(new(Duration.FromSeconds(10), Duration.FromSeconds(10))) with { Replicas = [2] };

        // When
        SearchResult r = InferenceSearch.Run(space);

        // Then
        r.Evaluated.ShouldBe(2 * 2 * 3 * 2 * 2 * 3);
        r.Cheapest.ShouldAllBe(c => c.Devices == 2 * c.Tp * c.Pp);
    }

    [Fact]
    public void Should_ReportEverySetupOnce_When_SearchingWithProgress()
    {
        // Given: 2 models × 2 accelerators × 3 device counts = 12 hardware setups
        SearchSpace space = Space(new(Duration.FromSeconds(10), Duration.FromSeconds(10)));
        var reports = new List<SearchProgress>();

        // When
        SearchResult watched = InferenceSearch.Run(space, new Recorder(reports));

        // Then: 1/12 … 12/12 in order, and the answer is the one a search without progress gives
        reports.Select(p => p.SetupsDone).ShouldBe(Enumerable.Range(1, 12).Select(i => (long)i));
        reports.ShouldAllBe(p => p.Setups == 12);
        watched.Evaluated.ShouldBe(InferenceSearch.Run(space).Evaluated);
    }

    [Fact]
    public void Should_StopBeforeTheFirstLayout_When_TheTokenIsCancelled()
    {
        // Given
        SearchSpace space = Space(new(Duration.FromSeconds(10), Duration.FromSeconds(10)));
        var reports = new List<SearchProgress>();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When / Then: no setup is searched
        Should.Throw<OperationCanceledException>(() => InferenceSearch.Run(space, new Recorder(reports), cancelled.Token));
        reports.ShouldBeEmpty();
    }

    [Fact]
    public void Should_AlsoTryExpertParallelism_When_ModelIsMoe()
    {
        // DeepSeek-V3 on 1–2 devices: layouts (1,1) | (1,1) (1,2) (2,1), plus EP 2 for the two 2-device replicas = 6
        SearchSpace space = Space(new(Duration.FromSeconds(10), Duration.FromSeconds(10))) with { Models = [DeepSeekV3], DeviceCounts = [1, 2] };

        SearchResult r = InferenceSearch.Run(space);

        r.Evaluated.ShouldBe(2 * 6 * 2 * 2 * 3);
        r.Feasible.ShouldBe(0); // 671B parameters do not fit on two 80 GB devices even in int4
    }

    [Fact]
    public void Should_ReturnConfigurationsThatMeetTheSlo_When_CheckedByTheEstimator()
    {
        var slo = new ServiceLevelObjective(Duration.FromMilliseconds(500), Duration.FromMilliseconds(50));
        SearchSpace space = Space(slo);

        SearchResult r = InferenceSearch.Run(space);

        r.Cheapest.ShouldNotBeEmpty();
        foreach (SearchCandidate c in r.Cheapest.Concat(r.Pareto))
        {
            InferenceResult full = InferenceEstimator.Estimate(space.Models[c.Model], InferenceSearch.Deployment(space, c), new InferenceWorkload(2000, 500, c.Concurrency), space.Efficiency);
            full.FitsInMemory.ShouldBeTrue();
            full.Ttft.Seconds.ShouldBeLessThanOrEqualTo(0.5);
            full.Tpot.Seconds.ShouldBeLessThanOrEqualTo(0.05);
            full.CostPerRequest.Value.ShouldBe(c.CostPerRequestUsd, 1e-15);
        }

        r.Cheapest.Select(c => c.CostPerRequestUsd).ShouldBeInOrder(SortDirection.Ascending);
        r.Pareto[^1].CostPerRequestUsd.ShouldBe(r.Cheapest[0].CostPerRequestUsd, 1e-15);
    }

    [Fact]
    public void Should_KeepOnlyNonDominatedPoints_When_BuildingTheFrontier()
    {
        SearchResult r = InferenceSearch.Run(Space(new(Duration.FromSeconds(10), Duration.FromSeconds(10))));

        for (int i = 1; i < r.Pareto.Count; i++)
        {
            r.Pareto[i].TpotSeconds.ShouldBeGreaterThan(r.Pareto[i - 1].TpotSeconds);
            r.Pareto[i].CostPerRequestUsd.ShouldBeLessThan(r.Pareto[i - 1].CostPerRequestUsd);
        }
    }

    [Fact]
    public void Should_CountWhyConfigurationsFail_When_SloIsImpossible()
    {
        SearchResult r = InferenceSearch.Run(Space(new(Duration.FromMilliseconds(0.01), Duration.FromMilliseconds(0.01))) with { BudgetPerHour = new Usd(5) });

        r.Feasible.ShouldBe(0);
        r.Cheapest.ShouldBeEmpty();
        r.Pareto.ShouldBeEmpty();
        r.FailedTtft.ShouldBe(r.Evaluated);
        r.FailedTpot.ShouldBe(r.Evaluated);
        r.FailedMemory.ShouldBeGreaterThan(0); // 70B bf16 on one 80 GB device
        r.FailedBudget.ShouldBeGreaterThan(0); // 4 × $3.99 > $5
    }

    private sealed class Recorder(List<SearchProgress> reports) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => reports.Add(value);
    }
}
