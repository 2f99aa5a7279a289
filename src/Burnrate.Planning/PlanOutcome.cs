using Burnrate.Planning.Projection;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;

namespace Burnrate.Planning;

/// <summary>Everything <c>burnrate plan</c> computes for a scenario: preset projections, the Monte Carlo summary and the tornado.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Presets">The preset projections (best, base, worst, others).</param>
/// <param name="MonteCarlo">The Monte Carlo summary.</param>
/// <param name="Tornado">The tornado bars, widest first.</param>
public sealed record PlanOutcome(PlanScenario Scenario, IReadOnlyList<PresetProjection> Presets, MonteCarloResult MonteCarlo, IReadOnlyList<TornadoBar> Tornado)
{
    /// <summary>Runs presets, Monte Carlo and tornado.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="paths">Monte Carlo paths.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The most threads, or -1 for all cores.</param>
    /// <param name="cancellationToken">Stops the Monte Carlo between blocks of paths.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static PlanOutcome Compute(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new PlanOutcome(scenario, Projector.Presets(scenario), Simulation.MonteCarlo.Run(scenario, paths, seed, maxDegreeOfParallelism, cancellationToken), Projector.Tornado(scenario));
    }

    /// <summary>Gets the index of month <paramref name="label"/> ("YYYY-MM"), or -1 when outside the horizon or malformed.</summary>
    /// <param name="label">The month.</param>
    /// <returns>The index or -1.</returns>
    public int MonthIndex(string label)
    {
        if (!DateOnly.TryParseExact(label, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly date))
        {
            return -1;
        }

        int index = ((date.Year - Scenario.Start.Year) * 12) + date.Month - Scenario.Start.Month;
        return index >= 0 && index < Scenario.Months ? index : -1;
    }
}
