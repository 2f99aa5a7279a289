using Burnrate.Planning.Actuals;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Tests.Actuals;

public sealed class GrowthFitTests
{
    [Fact]
    public void Should_UseTheLogReturnsMeanAndSd_When_FittingASeries()
    {
        // Given log-returns 0.10, 0.20, 0.15: mean 0.15, sample sd 0.05
        double[] series = [100, 100 * Math.Exp(0.10), 100 * Math.Exp(0.30), 100 * Math.Exp(0.45)];

        // When
        GrowthFit fit = GrowthFit.Fit(series, out string? reason).ShouldNotBeNull();

        // Then
        reason.ShouldBeNull();
        fit.Mu.ShouldBe(0.15, 1e-12);
        fit.Sigma.ShouldBe(0.05, 1e-12);
        fit.Returns.ShouldBe(3);
        fit.MedianGrowth.ShouldBe(Math.Exp(0.15) - 1, 1e-12);
    }

    [Fact]
    public void Should_GiveGrowthQuantiles_When_TurnedIntoADistribution()
    {
        var fit = new GrowthFit(0.1, 0.2, 10, 0.1);

        Distribution d = fit.ToDistribution();

        // P50 of g = exp(μ) − 1; P90 = exp(μ + 1.2816 σ) − 1 (to the 1/999 grid)
        d.Median.ShouldBe(Math.Exp(0.1) - 1, 1e-9);
        d.Quantile(0.9).ShouldBe(Math.Exp(0.1 + (1.2815515655 * 0.2)) - 1, 0.003);
        d.Values.ShouldBeInOrder();
    }

    [Fact]
    public void Should_Refuse_When_TheHistoryHasTooFewPositiveMonths()
    {
        GrowthFit.Fit([0, 5, 6], out string? reason).ShouldBeNull();
        reason.ShouldNotBeNull().ShouldContain("1 log-return(s)");
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Should_RecoverAConstantGrowth_When_TheSeriesIsGeometric(byte months, sbyte percent)
    {
        int n = 3 + (months % 30);
        double growth = percent / 200.0; // −64 % .. +63.5 % a month
        double[] series = [.. Enumerable.Range(0, n).Select(i => 1000 * Math.Pow(1 + growth, i))];
        GrowthFit? fit = GrowthFit.Fit(series, out _);
        return fit is not null && Math.Abs(fit.MedianGrowth - growth) < 1e-9 && fit.Sigma < 1e-9;
    }
}
