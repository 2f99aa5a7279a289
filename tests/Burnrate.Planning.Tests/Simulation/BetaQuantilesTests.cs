using Burnrate.Planning.Simulation;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Burnrate.Planning.Tests.Simulation;

public sealed class BetaQuantilesTests
{
    public static TheoryData<double, double> PertShapes => new()
    {
        { 1, 5 }, // mode at min
        { 5, 1 }, // mode at max
        { 3, 3 },
        { 2.2, 3.8 },
        { 1.0001, 4.9999 },
    };

    private static readonly double[] Probabilities = [.. Enumerable.Range(1, 9999).Select(i => i / 10000.0),
        1e-12, 1e-9, 1e-6, 31.999 / 4096, 32.001 / 4096, 1 - (31.999 / 4096), 1 - (32.001 / 4096), 1 - 1e-9, 1 - 1e-12];

    [Theory]
    [MemberData(nameof(PertShapes))]
    public void Should_MatchTheRootSearchAndInvertTheCdf_When_TableIsUsed(double alpha, double beta)
    {
        // Given: a table for a PERT shape
        var table = new BetaQuantiles(alpha, beta);

        foreach (double u in Probabilities)
        {
            // When
            double x = table.Quantile(u);

            // Then: the CDF at x gives u back (relative to the tail mass in the tails); in the body, within 1e-9 of MathNet's root search
            // (whose absolute tolerance makes it inaccurate in the deep tails: see the closed forms below); 1e-14 is a few ulps of u near 1
            SpecialFunctions.BetaRegularized(alpha, beta, x).ShouldBe(u, (1e-8 * Math.Min(u, 1 - u)) + 1e-14, $"u = {u}");
            if (u is >= 1e-4 and <= 1 - 1e-4)
            {
                x.ShouldBe(Beta.InvCDF(alpha, beta, u), 1e-9, $"u = {u}");
            }
        }
    }

    [Fact]
    public void Should_MatchClosedForms_When_ModeIsAtMinOrMax()
    {
        // Given: Beta(5, 1) has CDF x⁵ and Beta(1, 5) has CDF 1 − (1 − x)⁵, so both quantiles are exact everywhere, tails included
        var atMax = new BetaQuantiles(5, 1);
        var atMin = new BetaQuantiles(1, 5);

        foreach (double u in Probabilities)
        {
            // When / Then
            atMax.Quantile(u).ShouldBe(Math.Pow(u, 0.2), 1e-9, $"u = {u}");
            atMin.Quantile(u).ShouldBe(1 - Math.Pow(1 - u, 0.2), 1e-9, $"u = {u}");
        }
    }

    [Fact]
    public void Should_BeNonDecreasing_When_ProbabilityRises()
    {
        // Given
        var table = new BetaQuantiles(2.2, 3.8);

        // When
        double[] xs = Enumerable.Range(1, 99_999).Select(i => table.Quantile(i / 100_000.0)).ToArray();

        // Then
        xs.Zip(xs.Skip(1)).ShouldAllBe(pair => pair.Second >= pair.First);
    }

    [Fact]
    public void Should_ShareOneTableWithTheSameQuantiles_When_AShapeIsAskedForAgain()
    {
        // Given: a shape no other test asks the shared tables for
        const double Alpha = 2.345, Beta = 3.655;

        // When
        BetaQuantiles first = BetaQuantiles.For(Alpha, Beta), again = BetaQuantiles.For(Alpha, Beta);

        // Then: the same table, and bit for bit the quantiles of one built afresh
        again.ShouldBeSameAs(first);
        var fresh = new BetaQuantiles(Alpha, Beta);
        Probabilities.ShouldAllBe(u => first.Quantile(u) == fresh.Quantile(u));
        BetaQuantiles.For(Beta, Alpha).ShouldNotBeSameAs(first);
    }
}
