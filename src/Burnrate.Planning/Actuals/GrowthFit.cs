using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Actuals;

/// <summary>
/// A log-normal fit of month-over-month growth: the growth factor 1 + g is log-normal with μ and σ the mean and sample
/// standard deviation of the log-returns ln(xₜ / xₜ₋₁) (maximum likelihood for μ; the unbiased σ). The driver is g, so the
/// fitted distribution is handed to the plan as 999 equiprobable quantiles of exp(μ + σ·z) − 1.
/// Goodness of fit: the Kolmogorov–Smirnov distance D between the log-returns' empirical CDF and N(μ, σ); with few months
/// it is weak evidence either way, and the output says how many returns it rests on.
/// </summary>
/// <param name="Mu">μ of the log-returns.</param>
/// <param name="Sigma">σ of the log-returns.</param>
/// <param name="Returns">How many log-returns the fit rests on.</param>
/// <param name="KsDistance">The Kolmogorov–Smirnov distance D.</param>
internal sealed record GrowthFit(double Mu, double Sigma, int Returns, double KsDistance)
{
    private const int Levels = 999;

    /// <summary>Gets the median monthly growth, exp(μ) − 1.</summary>
    public double MedianGrowth => Math.Exp(Mu) - 1;

    /// <summary>Fits the series; null (with the reason) when it has fewer than two positive months in a row.</summary>
    public static GrowthFit? Fit(IReadOnlyList<double> series, out string? reason)
    {
        var returns = new List<double>();
        for (int i = 1; i < series.Count; i++)
        {
            if (series[i - 1] > 0 && series[i] > 0)
            {
                returns.Add(Math.Log(series[i] / series[i - 1]));
            }
        }

        if (returns.Count < 2)
        {
            reason = $"needs at least 3 consecutive months with positive values (2 log-returns), the history gives {returns.Count} log-return(s)";
            return null;
        }

        double mu = returns.Average();
        double sigma = Math.Sqrt(returns.Sum(r => (r - mu) * (r - mu)) / (returns.Count - 1));
        reason = null;
        return new GrowthFit(mu, sigma, returns.Count, KolmogorovSmirnov(returns, mu, sigma));
    }

    /// <summary>Gets the distribution of the growth rate g = exp(μ + σ·z) − 1 as equiprobable quantiles.</summary>
    public Distribution ToDistribution()
    {
        var values = new List<double>(Levels);
        var cumulative = new List<double>(Levels);
        for (int i = 0; i < Levels; i++)
        {
            double p = (i + 0.5) / Levels;
            values.Add(Math.Exp(Mu + (Sigma * StandardNormal.Quantile(p))) - 1);
            cumulative.Add((i + 1.0) / Levels);
        }

        cumulative[^1] = 1;
        return new Distribution(DistributionKind.Discrete, 0, 0, 0, values, cumulative);
    }

    private static double KolmogorovSmirnov(List<double> returns, double mu, double sigma)
    {
        if (sigma <= 0)
        {
            return 0;
        }

        var sorted = returns.Order().ToList();
        double d = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            double f = StandardNormal.Cdf((sorted[i] - mu) / sigma);
            d = Math.Max(d, Math.Max(((i + 1.0) / sorted.Count) - f, f - ((double)i / sorted.Count)));
        }

        return d;
    }
}
