using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;

namespace Burnrate.Planning.Tests.Simulation;

public sealed class MonteCarloTests
{
    [Fact]
    public void Should_GiveIdenticalResults_When_ThreadCountDiffers()
    {
        // Given
        PlanScenario s = TestScenarios.Example();

        // When
        MonteCarloResult one = MonteCarlo.Run(s, 3000, 7, maxDegreeOfParallelism: 1);
        MonteCarloResult three = MonteCarlo.Run(s, 3000, 7, maxDegreeOfParallelism: 3);

        // Then: bit-for-bit
        foreach ((PercentileBands a, PercentileBands b) in new[] { (one.Cash, three.Cash), (one.Revenue, three.Revenue), (one.NetBurn, three.NetBurn) })
        {
            a.P5.ShouldBe(b.P5);
            a.P50.ShouldBe(b.P50);
            a.P95.ShouldBe(b.P95);
        }

        one.CashOut.CumulativeByMonth.ShouldBe(three.CashOut.CumulativeByMonth);
        one.Triggers[0].Firing.CumulativeByMonth.ShouldBe(three.Triggers[0].Firing.CumulativeByMonth);
    }

    /// <summary>
    /// Scenarios for the exactness tests: the example; one where every path lands on one of three growth rates (atoms of
    /// thousands of equal values, which take extra narrowing passes); one whose cash crosses zero with per-month draws; a century.
    /// </summary>
    public static TheoryData<string, int, int, int> BandScenarios => new()
    {
        { "example", 6000, 4096, -1 },
        { "atoms", 20_000, 4096, -1 },
        { "crossing", 6000, 4096, -1 },
        { "example", 3000, 4, -1 }, // every interval holds more than it may collect: each is narrowed, pass after pass, to a few values
        { "century", 500, 4096, -1 }, // 1,200 months: 3,600 series share the histogram budget, so each window is narrower
        { "example", 40_000, 4096, 64 }, // 64 workers share the histogram budget: narrow windows, many merges
    };

    [Theory]
    [MemberData(nameof(BandScenarios))]
    public void Should_EqualPercentilesOfEveryStoredPath_When_BandsFoundWithoutStoringPaths(string name, int paths, int collectCap, int threads)
    {
        // Given: the same paths projected one by one and kept, as the reference
        PlanScenario s = Scenario(name);
        float[][] stored = StoredSeries(s, paths, 17);

        // When
        MonteCarloResult r = MonteCarlo.Run(s, paths, 17, threads, collectCap);

        // Then: every band of every month is exactly the type-7 percentile of the stored values
        for (int m = 0; m < s.Months; m++)
        {
            foreach ((PercentileBands bands, int figure) in new[] { (r.Cash, 0), (r.Revenue, 1), (r.NetBurn, 2) })
            {
                double[] expected = Percentiles.Of(stored[(3 * m) + figure], PercentileBands.Levels);
                new[] { bands.P5[m], bands.P10[m], bands.P50[m], bands.P90[m], bands.P95[m] }.ShouldBe(expected, $"{name} month {m} figure {figure}");
            }
        }
    }

    [Fact]
    public void Should_GiveIdenticalBands_When_NarrowingPassesRunOnDifferentThreadCounts()
    {
        // Given: atoms larger than one interval may collect, so the search narrows over several passes
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(5e6, 2e5, 24, """
            revenue:
              - {name: api, kind: usage, tokensPerMonth: 1e10, monthlyGrowth: {dist: discrete, values: [0.01, 0.05]}, pricePerMillionTokens: 2}
            """));

        // When
        MonteCarloResult one = MonteCarlo.Run(s, 20_000, 3, maxDegreeOfParallelism: 1);
        MonteCarloResult four = MonteCarlo.Run(s, 20_000, 3, maxDegreeOfParallelism: 4);

        // Then
        one.Revenue.P50.ShouldBe(four.Revenue.P50);
        one.Cash.P10.ShouldBe(four.Cash.P10);
        one.NetBurn.P95.ShouldBe(four.NetBurn.P95);
    }

    /// <summary>The exactness scenarios (atoms of equal values, cash crossing zero, 3,600 series) at one and three threads.</summary>
    public static TheoryData<string, int, int> KeptScenarios => new()
    {
        { "example", 6000, 1 },
        { "example", 6000, 3 },
        { "atoms", 20_000, 1 },
        { "atoms", 20_000, 3 },
        { "crossing", 6000, 3 },
        { "century", 500, 1 },
    };

    [Theory]
    [MemberData(nameof(KeptScenarios))]
    public void Should_FindBitIdenticalResults_When_FiguresAreKeptOrStreamed(string name, int paths, int threads)
    {
        // Given
        PlanScenario s = Scenario(name);

        // When: the figures kept in memory and selected, or streamed through histograms and refining passes
        MonteCarloResult kept = MonteCarlo.Run(s, paths, 17, threads, RankSearch.DefaultCap, MonteCarlo.KeptBytes, null, default);
        MonteCarloResult streamed = MonteCarlo.Run(s, paths, 17, threads, RankSearch.DefaultCap, keptBytes: 0, null, default);

        // Then: every band of every month and every event count, bit for bit
        foreach ((PercentileBands a, PercentileBands b) in new[] { (kept.Cash, streamed.Cash), (kept.Revenue, streamed.Revenue), (kept.NetBurn, streamed.NetBurn) })
        {
            a.P5.ShouldBe(b.P5);
            a.P10.ShouldBe(b.P10);
            a.P50.ShouldBe(b.P50);
            a.P90.ShouldBe(b.P90);
            a.P95.ShouldBe(b.P95);
        }

        kept.CashOut.CumulativeByMonth.ShouldBe(streamed.CashOut.CumulativeByMonth);
        kept.Triggers.Select(t => t.Firing.CumulativeByMonth).ShouldBe(streamed.Triggers.Select(t => t.Firing.CumulativeByMonth));
    }

    private static PlanScenario Scenario(string name) => name switch
    {
        "example" => TestScenarios.Example(),
        "atoms" => TestScenarios.Read(TestScenarios.ConstantBurn(5e6, 2e5, 36, """
            revenue:
              - {name: api, kind: usage, tokensPerMonth: 1e10, monthlyGrowth: {dist: discrete, values: [0.01, 0.05, 0.09]}, pricePerMillionTokens: 2}
            """)),
        "century" => TestScenarios.Read(TestScenarios.ConstantBurn(1e8, 3e5, 1200, """
            revenue:
              - {name: api, kind: usage, tokensPerMonth: 1e10, monthlyGrowth: {dist: normal, mean: 0.004, sd: 0.01, perMonth: true}, pricePerMillionTokens: 2}
            """)),
        _ => TestScenarios.Read(TestScenarios.ConstantBurn(1e6, 3e5, 36, """
            revenue:
              - {name: api, kind: usage, tokensPerMonth: 1e11, monthlyGrowth: {dist: normal, mean: 0.02, sd: 0.1, perMonth: true}, pricePerMillionTokens: 2}
            funding:
              - {name: seed, month: 2026-06, amountUsd: 2e6, probability: 0.5}
            """)),
    };

    /// <summary>Projects every path and keeps each series' values (as floats, like the Monte Carlo), series 3m + figure.</summary>
    private static float[][] StoredSeries(PlanScenario s, int paths, ulong seed)
    {
        var sampler = new DriverSampler(s);
        var arrays = new ScenarioArrays(s);
        PathInputs input = sampler.NewInputs();
        var trace = new PathTrace(s.Months, s.Revenue.Count, s.Triggers.Count, s.Drivers.Count);
        var scratch = new double[s.Drivers.Count];
        float[][] series = Enumerable.Range(0, 3 * s.Months).Select(_ => new float[paths]).ToArray();
        for (int p = 0; p < paths; p++)
        {
            PathRandom rng = PathRandom.For(seed, p);
            sampler.Fill(ref rng, input, scratch);
            ProjectionEngine.Run(s, arrays, input, trace, null);
            for (int j = 0; j < series.Length; j++)
            {
                series[j][p] = (float)trace.Rows[j];
            }
        }

        return series;
    }

    [Fact]
    public void Should_ChangeResults_When_SeedChanges()
    {
        PlanScenario s = TestScenarios.Example();
        MonteCarlo.Run(s, 500, 1).Cash.P50[^1].ShouldNotBe(MonteCarlo.Run(s, 500, 2).Cash.P50[^1]);
    }

    [Fact]
    public void Should_OrderPercentileBands_When_ExampleRun()
    {
        // Given / When
        MonteCarloResult r = MonteCarlo.Run(TestScenarios.Example(), 4000, 3);

        // Then
        foreach (PercentileBands b in new[] { r.Cash, r.Revenue, r.NetBurn })
        {
            for (int m = 0; m < b.P50.Length; m++)
            {
                b.P5[m].ShouldBeLessThanOrEqualTo(b.P10[m]);
                b.P10[m].ShouldBeLessThanOrEqualTo(b.P50[m]);
                b.P50[m].ShouldBeLessThanOrEqualTo(b.P90[m]);
                b.P90[m].ShouldBeLessThanOrEqualTo(b.P95[m]);
            }
        }

        r.CashOut.CumulativeByMonth.ShouldBe(r.CashOut.CumulativeByMonth.Order().ToArray());
    }

    [Theory]
    [InlineData("{dist: lognormal, median: 1e6, sigma: 0.5}")]
    [InlineData("{dist: normal, mean: 1e6, sd: 1e5}")]
    [InlineData("{dist: triangular, min: 5e5, mode: 8e5, max: 2e6}")]
    [InlineData("{dist: pert, min: 5e5, mode: 8e5, max: 2e6}")]
    [InlineData("{dist: uniform, min: 5e5, max: 2e6}")]
    public void Should_MatchAnalyticQuantilesWithinOnePercent_When_DriverDrawnOncePerPathAt100000Paths(string dist)
    {
        // Given: revenue in month 0 = tokens ÷ 1e6 × $1e6 = the driver itself
        PlanScenario s = TestScenarios.Read($"""
            name: quantiles
            start: 2026-01
            months: 1
            cash: 0
            revenue: [{"{"}name: api, kind: usage, tokensPerMonth: {dist}, pricePerMillionTokens: 1e6{"}"}]
            """);
        Distribution d = s.Drivers.Single(x => x.Path == "revenue.api.tokensPerMonth").Distribution!;

        // When
        MonteCarloResult r = MonteCarlo.Run(s, 100_000, 11);

        // Then
        double[] got = [r.Revenue.P5[0], r.Revenue.P10[0], r.Revenue.P50[0], r.Revenue.P90[0], r.Revenue.P95[0]];
        for (int i = 0; i < got.Length; i++)
        {
            double expected = d.Quantile(PercentileBands.Levels[i]);
            got[i].ShouldBe(expected, expected * 0.01, $"P{PercentileBands.Levels[i] * 100}");
        }
    }

    [Fact]
    public void Should_UseTheAnalyticQuantileFunctions_When_DistributionsEvaluated()
    {
        // Given: independent references (MathNet for normal/log-normal; closed forms for triangular/uniform)
        var normal = new Distribution(DistributionKind.Normal, 10, 2, 0, [], []);
        var lognormal = new Distribution(DistributionKind.LogNormal, Math.Log(5), 0.3, 0, [], []);
        var triangular = new Distribution(DistributionKind.Triangular, 0, 0.05, 0.10, [], []);
        var discrete = new Distribution(DistributionKind.Discrete, 0, 0, 0, [1, 2, 3], [0.2, 0.7, 1.0]);

        // Then
        normal.Quantile(0.9).ShouldBe(Normal.InvCDF(10, 2, 0.9), 1e-12);
        lognormal.Median.ShouldBe(5, 1e-12);
        lognormal.Quantile(0.9).ShouldBe(LogNormal.InvCDF(Math.Log(5), 0.3, 0.9), 1e-9);
        triangular.Median.ShouldBe(0.05, 1e-12);
        triangular.Quantile(0.1).ShouldBe(Math.Sqrt(0.1 * 0.1 * 0.05), 1e-12);
        discrete.Median.ShouldBe(2);
        discrete.Quantile(0.1).ShouldBe(1);
        discrete.Quantile(0.95).ShouldBe(3);
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(-0.4)]
    public void Should_RecoverCorrelationWithinTolerance_When_GaussianCopulaApplied(double rho)
    {
        // Given: two normal drivers (the copula of normals with normal margins is the bivariate normal, so Pearson = rho)
        PlanScenario s = TestScenarios.Read($"""
            name: copula
            start: 2026-01
            months: 1
            cash: 0
            revenue:
              - {"{"}name: a, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {"{"}dist: normal, mean: 0, sd: 1{"}"}{"}"}
              - {"{"}name: b, kind: usage, tokensPerMonth: 1, pricePerMillionTokens: 1, monthlyGrowth: {"{"}dist: triangular, min: -1, mode: 0, max: 1{"}"}{"}"}
            correlations: [[revenue.a.monthlyGrowth, revenue.b.monthlyGrowth, {rho.ToString(System.Globalization.CultureInfo.InvariantCulture)}]]
            """);
        var sampler = new DriverSampler(s);
        PathInputs input = sampler.NewInputs();
        int a = s.Drivers.ToList().FindIndex(d => d.Path == "revenue.a.monthlyGrowth");
        int b = s.Drivers.ToList().FindIndex(d => d.Path == "revenue.b.monthlyGrowth");
        const int N = 40_000;
        var xa = new double[N];
        var xb = new double[N];

        // When
        for (int p = 0; p < N; p++)
        {
            PathRandom rng = PathRandom.For(5, p);
            sampler.Fill(ref rng, input, new double[s.Drivers.Count]);
            xa[p] = Normal.InvCDF(0, 1, TriangularCdfOrNormal(input.Once[a], normal: true));
            xb[p] = Normal.InvCDF(0, 1, TriangularCdfOrNormal(input.Once[b], normal: false));
        }

        // Then: the normal scores of both margins correlate at rho
        MathNet.Numerics.Statistics.Correlation.Pearson(xa, xb).ShouldBe(rho, 0.02);
    }

    [Fact]
    public void Should_FireTriggerInEveryPathAtTheHandCalculatedMonth_When_NothingIsUncertain()
    {
        // Given: runway after month m is 9 − m → runway < 5 at month 5
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(1000, 100, 24, """
            triggers:
              - {name: raise, when: {runwayMonthsBelow: 5}, action: {raiseUsd: 500, closeMonths: 3}}
            """));

        // When
        MonteCarloResult r = MonteCarlo.Run(s, 100, 1);

        // Then: cash after the raise: 600 at month 8, 0 at month 14, negative at month 15
        r.Triggers[0].Firing.Probability.ShouldBe(1);
        r.Triggers[0].Firing.P50.ShouldBe(5);
        r.CashOut.P10.ShouldBe(15);
        r.CashOut.Probability.ShouldBe(1);
    }

    [Fact]
    public void Should_ReportNullCashOutMonths_When_TooFewPathsRunOut()
    {
        // Given: runs out only when the 20%-likely funding round fails… inverted: a 0.7 round rescues 70% of paths
        PlanScenario s = TestScenarios.Read(TestScenarios.ConstantBurn(1000, 100, 24, "funding: [{name: f, month: 2026-06, amountUsd: 1e6, probability: 0.7}]"));

        // When
        MonteCarloResult r = MonteCarlo.Run(s, 20_000, 9);

        // Then: ~30% run out at month 9 (900 left after month 8, 0 after 9 → negative at month 10)
        r.CashOut.Probability.ShouldBe(0.3, 0.015);
        r.CashOut.P10.ShouldBe(10);
        r.CashOut.P50.ShouldBeNull();
        r.CashOut.P90.ShouldBeNull();
    }

    [Property(MaxTest = 200)]
    public bool Should_MatchNearestRankOfSortedMonths_When_EventMonthsCounted(sbyte[] raw)
    {
        // Given: first-event months in -1..11 (-1 = never) over however many paths
        int[] first = raw.Select(v => (v % 13) - 1).ToArray();
        if (first.Length == 0)
        {
            return true;
        }

        int[] happened = first.Where(m => m >= 0).Order().ToArray();

        // When
        EventMonths e = MonteCarlo.Events(first, 12);

        // Then: nearest-rank month percentiles (never = after every month), the probability, and the cumulative share by month
        int? Reference(double p)
        {
            int rank = Math.Max(0, (int)Math.Ceiling(p * first.Length) - 1);
            return rank < happened.Length ? happened[rank] : null;
        }

        return e.P10 == Reference(0.10) && e.P50 == Reference(0.50) && e.P90 == Reference(0.90)
            && e.Probability == (double)happened.Length / first.Length
            && Enumerable.Range(0, 12).All(m => e.CumulativeByMonth[m] == (double)happened.Count(h => h <= m) / first.Length);
    }

    private static double TriangularCdfOrNormal(double x, bool normal) =>
        normal ? Normal.CDF(0, 1, x) : Math.Clamp(x < 0 ? (x + 1) * (x + 1) / 2 : 1 - ((1 - x) * (1 - x) / 2), 1e-12, 1 - 1e-12);
}
