using Burnrate.Planning.Scenario;
using FsCheck.Xunit;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Burnrate.Planning.Tests.Scenario;

public sealed class StandardNormalTests
{
    [Fact]
    public void Should_MatchMathNetQuantile_When_ProbabilityIsAnywhereInZeroOne()
    {
        // Given: probabilities through all three AS 241 ranges (|p − ½| ≤ 0.425, tails up to r = 5, and beyond)
        IEnumerable<double> ps = Enumerable.Range(1, 9999).Select(i => i / 10000.0).Concat([1e-300, 1e-100, 1e-20, 1e-12, 0.075, 0.925, 1 - 1e-12]);

        foreach (double p in ps)
        {
            // When / Then
            StandardNormal.Quantile(p).ShouldBe(Normal.InvCDF(0, 1, p), 1e-13 * Math.Max(1, Math.Abs(Normal.InvCDF(0, 1, p))), $"p = {p}");
        }
    }

    [Fact]
    public void Should_MatchMathNetCdfAndErfc_When_ArgumentSpansEveryRange()
    {
        // Given: arguments through Cody's three ranges on both sides of zero, and the far tail
        IEnumerable<double> zs = Enumerable.Range(-4000, 8001).Select(i => i / 500.0).Concat([-37.5, -30, 0.5 * 0.46875 * Math.Sqrt(2), 1e-20, 0]);

        foreach (double z in zs)
        {
            // When / Then: relative accuracy, including the lower tail where Φ is tiny
            double expected = Normal.CDF(0, 1, z);
            StandardNormal.Cdf(z).ShouldBe(expected, (1e-13 * expected) + 1e-300, $"z = {z}");
            StandardNormal.Erfc(z / 3).ShouldBe(SpecialFunctions.Erfc(z / 3), 1e-13 * SpecialFunctions.Erfc(z / 3), $"x = {z / 3}");
        }
    }

    [Property(MaxTest = 500)]
    public bool Should_InvertTheCdf_When_RoundTripped(double raw)
    {
        // Given: a probability from any finite double
        if (!double.IsFinite(raw))
        {
            return true;
        }

        double p = Math.Clamp(Math.Abs(raw % 1), 1e-12, 1 - 1e-12);

        // When
        double back = StandardNormal.Cdf(StandardNormal.Quantile(p));

        // Then
        return Math.Abs(back - p) <= 1e-13 * Math.Min(p, 1 - p) + 1e-16;
    }
}
