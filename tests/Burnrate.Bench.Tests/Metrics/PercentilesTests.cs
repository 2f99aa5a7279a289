using Burnrate.Bench.Metrics;

namespace Burnrate.Bench.Tests.Metrics;

public sealed class PercentilesTests
{
    [Fact]
    public void Should_MatchNumpy_When_InterpolatingBetweenRanks()
    {
        // numpy.percentile([1, 2, 3, 4], [50, 90, 99]) = [2.5, 3.7, 3.97]
        double[] sorted = [1, 2, 3, 4];
        Percentiles.OfSorted(sorted, 50).ShouldBe(2.5, 1e-12);
        Percentiles.OfSorted(sorted, 90).ShouldBe(3.7, 1e-12);
        Percentiles.OfSorted(sorted, 99).ShouldBe(3.97, 1e-12);
        Percentiles.OfSorted(sorted, 0).ShouldBe(1);
        Percentiles.OfSorted(sorted, 100).ShouldBe(4);
    }

    [Fact]
    public void Should_SummarizeEveryStatistic_When_GivenSamples()
    {
        // Given: 1..100 — mean 50.5, sample SD 29.011, p99 = 99.01 by type-7 interpolation
        List<double> samples = [.. Enumerable.Range(1, 100).Select(i => (double)(101 - i))];

        // When
        LatencySummary s = LatencySummary.Of(samples);

        // Then
        s.Count.ShouldBe(100);
        s.Min.ShouldBe(1);
        s.Max.ShouldBe(100);
        s.Mean!.Value.ShouldBe(50.5, 1e-12);
        s.P50!.Value.ShouldBe(50.5, 1e-12);
        s.P99!.Value.ShouldBe(99.01, 1e-9);
        s.Stddev!.Value.ShouldBe(29.0115, 1e-4);
    }

    [Fact]
    public void Should_BeEmpty_When_NoSamples()
    {
        LatencySummary.Of([]).P50.ShouldBeNull();
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Should_BeMonotoneAndBounded_When_PercentileRises(FsCheck.NonEmptyArray<FsCheck.NormalFloat> values, byte p1, byte p2)
    {
        double[] sorted = [.. values.Get.Select(v => v.Get).Order()];
        double lo = Math.Min(p1, p2) % 101, hi = Math.Max(p1, p2) % 101;
        (lo, hi) = (Math.Min(lo, hi), Math.Max(lo, hi));
        double a = Percentiles.OfSorted(sorted, lo), b = Percentiles.OfSorted(sorted, hi);
        return a <= b + 1e-9 * Math.Max(1, Math.Abs(b)) && a >= sorted[0] && b <= sorted[^1];
    }
}
