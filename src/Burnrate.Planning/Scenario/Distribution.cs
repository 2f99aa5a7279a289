using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace Burnrate.Planning.Scenario;

/// <summary>An uncertain driver's distribution, sampled through its quantile function (so a Gaussian copula can correlate any pair).</summary>
/// <param name="Kind">The shape.</param>
/// <param name="A">Normal: mean; log-normal: mu; others: min.</param>
/// <param name="B">Normal: sd; log-normal: sigma; triangular/PERT: mode; uniform: max.</param>
/// <param name="C">Triangular/PERT: max.</param>
/// <param name="Values">Discrete: the values, ascending.</param>
/// <param name="Cumulative">Discrete: the cumulative probabilities, ending at 1.</param>
public sealed record Distribution(DistributionKind Kind, double A, double B, double C, IReadOnlyList<double> Values, IReadOnlyList<double> Cumulative)
{
    /// <summary>Gets the median (the value the base preset uses).</summary>
    public double Median => Quantile(0.5);

    /// <summary>Gets the value below which a fraction <paramref name="p"/> of draws fall (the inverse CDF).</summary>
    /// <param name="p">The probability, in (0, 1).</param>
    /// <returns>The quantile.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Quantile(double p) => Kind switch
    {
        DistributionKind.Normal => A + (B * StandardNormal.Quantile(p)),
        DistributionKind.LogNormal => Math.Exp(A + (B * StandardNormal.Quantile(p))),
        DistributionKind.Triangular => TriangularQuantile(p),
        DistributionKind.Pert => A + ((C - A) * Beta.InvCDF(PertAlpha, PertBeta, p)),
        DistributionKind.Uniform => A + ((B - A) * p),
        _ => DiscreteQuantile(p),
    };

    private double PertAlpha => 1 + (4 * (B - A) / (C - A));

    private double PertBeta => 1 + (4 * (C - B) / (C - A));

    private double TriangularQuantile(double p)
    {
        double split = (B - A) / (C - A);
        return p < split
            ? A + Math.Sqrt(p * (C - A) * (B - A))
            : C - Math.Sqrt((1 - p) * (C - A) * (C - B));
    }

    private double DiscreteQuantile(double p)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            if (p <= Cumulative[i])
            {
                return Values[i];
            }
        }

        return Values[^1];
    }
}
