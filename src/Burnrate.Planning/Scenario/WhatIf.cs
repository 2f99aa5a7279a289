namespace Burnrate.Planning.Scenario;

/// <summary>
/// What-if changes to a scenario's drivers, as the dashboard's sliders make them: each named driver multiplied by a factor (a constant's
/// value, or every point of its distribution, so its median moves by the same factor and its spread keeps its shape). Presets that
/// set a driver still override it.
/// </summary>
public static class WhatIf
{
    /// <summary>The largest factor accepted.</summary>
    public const double MaxFactor = 10;

    /// <summary>Returns the scenario with each driver in <paramref name="factors"/> (by path) multiplied by its factor.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="factors">Driver path → factor in (0, <see cref="MaxFactor"/>].</param>
    /// <returns>The changed scenario (the same one when there are no factors).</returns>
    /// <exception cref="ArgumentException">An unknown path (the message names the known ones) or a factor out of range.</exception>
    public static PlanScenario Scale(PlanScenario scenario, IReadOnlyDictionary<string, double> factors)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0)
        {
            return scenario;
        }

        var drivers = scenario.Drivers.ToList();
        foreach ((string path, double factor) in factors)
        {
            int index = drivers.FindIndex(d => d.Path == path);
            if (index < 0)
            {
                throw new ArgumentException($"unknown driver '{path}'; the scenario's drivers: {string.Join(", ", drivers.Select(d => d.Path))}", nameof(factors));
            }

            if (!double.IsFinite(factor) || factor is <= 0 or > MaxFactor)
            {
                throw new ArgumentException($"factor for '{path}' must be above 0 and at most {MaxFactor}, got {factor}", nameof(factors));
            }

            Driver d = drivers[index];
            drivers[index] = d with { Value = d.Value * factor, Distribution = d.Distribution is { } dist ? Scale(dist, factor) : null };
        }

        return scenario with { Drivers = drivers };
    }

    private static Distribution Scale(Distribution d, double f) => d.Kind switch
    {
        DistributionKind.LogNormal => d with { A = d.A + Math.Log(Math.Max(f, double.Epsilon)) },
        DistributionKind.Normal => d with { A = d.A * f, B = d.B * f },
        DistributionKind.Discrete => d with { Values = [.. d.Values.Select(v => v * f)] },
        _ => d with { A = d.A * f, B = d.B * f, C = d.C * f },
    };
}
