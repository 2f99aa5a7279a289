using System.Runtime.CompilerServices;
using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Simulation;

/// <summary>Fills a path's driver values: constants, once-per-path draws, funding coin flips, then per-month draws, always in that order.</summary>
internal sealed class DriverSampler
{
    private readonly PlanScenario _scenario;
    private readonly CorrelationFactor _once;
    private readonly CorrelationFactor _monthly;
    private readonly Func<double, double>?[] _quantile;

    public DriverSampler(PlanScenario scenario)
    {
        _scenario = scenario;
        CorrelationFactor.TryBuild(scenario.Drivers, scenario.Correlations, false, out _once, out _);
        CorrelationFactor.TryBuild(scenario.Drivers, scenario.Correlations, true, out _monthly, out _);
        PerMonth = scenario.Drivers.Select(d => (d.IsUncertain && d.PerMonth) || d.Series is not null).ToArray();
        _quantile = scenario.Drivers.Select(d => d.Distribution is { } dist ? QuantileFunction(dist) : null).ToArray();
    }


    public bool[] PerMonth { get; }

    public PathInputs NewInputs()
    {
        var input = new PathInputs(_scenario.Drivers.Count, _scenario.Months, _scenario.Funding.Count, PerMonth);
        for (int d = 0; d < _scenario.Drivers.Count; d++)
        {
            input.Once[d] = _scenario.Drivers[d].Central;
        }

        Projection.Projector.FillSeries(_scenario, input);
        return input;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(ref PathRandom rng, PathInputs input, double[] scratch)
    {
        Draw(_once, ref rng, input.Once, 0, scratch);
        for (int i = 0; i < _scenario.Funding.Count; i++)
        {
            input.FundingIncluded[i] = rng.NextOpen() < input.Once[_scenario.Funding[i].Extra];
        }

        if (input.Monthly.Length > 0)
        {
            for (int m = 0; m < _scenario.Months; m++)
            {
                Draw(_monthly, ref rng, input.Monthly, m * input.Once.Length, scratch);
            }
        }
    }

    /// <summary>Gets the quantile function draws use: the distribution's own, except PERT through a table (a root search per draw is slow).</summary>
    private static Func<double, double> QuantileFunction(Distribution dist)
    {
        if (dist.Kind != DistributionKind.Pert)
        {
            return dist.Quantile;
        }

        double min = dist.A, mode = dist.B, max = dist.C;
        BetaQuantiles beta = BetaQuantiles.For(1 + (4 * (mode - min) / (max - min)), 1 + (4 * (max - mode) / (max - min)));
        return u => min + ((max - min) * beta.Quantile(u));
    }

    /// <summary>Draws one group: u uniform; with correlations ε = Φ⁻¹(u), z = L·ε, u = Φ(z); then x = F⁻¹(u).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Draw(CorrelationFactor group, ref PathRandom rng, double[] target, int offset, double[] scratch)
    {
        int n = group.Drivers.Length;
        for (int k = 0; k < n; k++)
        {
            scratch[k] = rng.NextOpen();
        }

        if (!group.IsIdentity)
        {
            Span<double> eps = stackalloc double[n];
            for (int k = 0; k < n; k++)
            {
                eps[k] = StandardNormal.Quantile(scratch[k]);
            }

            for (int i = 0; i < n; i++)
            {
                double z = 0;
                for (int j = 0; j <= i; j++)
                {
                    z += group.Lower[i, j] * eps[j];
                }

                scratch[i] = Math.Clamp(StandardNormal.Cdf(z), 1e-16, 1 - 1e-16);
            }
        }

        for (int k = 0; k < n; k++)
        {
            int d = group.Drivers[k];
            target[offset + d] = _quantile[d]!(scratch[k]);
        }
    }
}
