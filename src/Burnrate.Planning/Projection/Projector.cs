using Burnrate.Planning.Scenario;

namespace Burnrate.Planning.Projection;

/// <summary>
/// Deterministic projections: each preset (drivers at their median unless the preset sets them; a funding round counts when its probability
/// is at least 0.5) and the tornado (one driver at P10 or P90, others at the base preset).
/// </summary>
public static class Projector
{
    /// <summary>Projects every preset of the scenario, in order (best, base, worst, others).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The projections.</returns>
    public static IReadOnlyList<PresetProjection> Presets(PlanScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Presets.Select(p => new PresetProjection(p.Key, Project(scenario, p.Value))).ToList();
    }

    /// <summary>Projects the scenario with drivers at their central value, overridden by <paramref name="overrides"/> (driver index → value).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="overrides">The overrides.</param>
    /// <returns>The monthly statement.</returns>
    public static MonthlyStatement Project(PlanScenario scenario, IReadOnlyDictionary<int, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overrides);
        PathInputs input = CentralInputs(scenario, overrides);
        var statement = new MonthlyStatement(scenario.Months, scenario.Revenue.Select(r => r.Name));
        ProjectionEngine.Run(scenario, new ScenarioArrays(scenario), input, new PathTrace(scenario.Months, scenario.Revenue.Count, scenario.Triggers.Count, scenario.Drivers.Count), statement);
        return statement;
    }

    /// <summary>Gets the tornado on closing cash at the horizon, widest swing first.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>One bar per uncertain driver.</returns>
    public static IReadOnlyList<TornadoBar> Tornado(PlanScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyDictionary<int, double> baseline = scenario.Presets.First(p => p.Key == "base").Value;
        var bars = new List<TornadoBar>();
        for (int d = 0; d < scenario.Drivers.Count; d++)
        {
            if (scenario.Drivers[d].Distribution is not { } dist)
            {
                continue;
            }

            double low = dist.Quantile(0.10), high = dist.Quantile(0.90);
            bars.Add(new TornadoBar(scenario.Drivers[d].Path, low, high, CashAtHorizon(scenario, baseline, d, low), CashAtHorizon(scenario, baseline, d, high)));
        }

        return bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Driver, StringComparer.Ordinal).ToList();
    }

    private static double CashAtHorizon(PlanScenario scenario, IReadOnlyDictionary<int, double> baseline, int driver, double value)
    {
        var overrides = new Dictionary<int, double>(baseline) { [driver] = value };
        return Project(scenario, overrides).ClosingCash[^1];
    }

    /// <summary>Writes every series driver's month values into <paramref name="input"/>'s per-month values (they are the same on every path).</summary>
    internal static void FillSeries(PlanScenario scenario, PathInputs input)
    {
        for (int d = 0; d < scenario.Drivers.Count; d++)
        {
            if (scenario.Drivers[d].Series is { } series)
            {
                for (int m = 0; m < scenario.Months; m++)
                {
                    input.Monthly[(m * input.Once.Length) + d] = series[m];
                }
            }
        }
    }

    private static PathInputs CentralInputs(PlanScenario scenario, IReadOnlyDictionary<int, double> overrides)
    {
        var input = new PathInputs(scenario.Drivers.Count, scenario.Months, scenario.Funding.Count, [.. scenario.Drivers.Select(d => d.Series is not null)]);
        for (int d = 0; d < scenario.Drivers.Count; d++)
        {
            input.Once[d] = overrides.TryGetValue(d, out double v) ? v : scenario.Drivers[d].Central;
        }

        FillSeries(scenario, input);

        for (int i = 0; i < scenario.Funding.Count; i++)
        {
            input.FundingIncluded[i] = input.Once[scenario.Funding[i].Extra] >= 0.5;
        }

        return input;
    }
}
