using System.Globalization;
using Burnrate.Core.Validation;
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
    /// <summary>The most Monte Carlo paths one run takes.</summary>
    public const int MaxPaths = 10_000_000;

    /// <summary>Checks a number of Monte Carlo paths, so every surface (plan, report, the web API) words it the same way.</summary>
    /// <param name="paths">The paths asked for.</param>
    /// <param name="max">The most the caller allows (a server may allow fewer per request than <see cref="MaxPaths"/>).</param>
    /// <returns>The error for field <c>paths</c>, or none.</returns>
    public static IReadOnlyList<FieldError> CheckPaths(int paths, int max = MaxPaths) =>
        paths >= 1 && paths <= Math.Min(max, MaxPaths) ? [] :
        [new FieldError("paths", paths.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"a whole number of Monte Carlo paths between 1 and {Math.Min(max, MaxPaths):N0}"))];

    /// <summary>Runs presets, Monte Carlo and tornado.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="paths">Monte Carlo paths.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The most threads, or -1 for all cores.</param>
    /// <param name="cancellationToken">Stops the Monte Carlo between blocks of paths.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static PlanOutcome Compute(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) =>
        Compute(scenario, paths, seed, maxDegreeOfParallelism, null, cancellationToken);

    /// <summary>Runs presets, Monte Carlo and tornado, and reports how far the Monte Carlo is.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="paths">Monte Carlo paths.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The most threads, or -1 for all cores.</param>
    /// <param name="progress">Told how far the Monte Carlo is (see <see cref="MonteCarloProgress"/>); null for none.</param>
    /// <param name="cancellationToken">Stops the Monte Carlo between blocks of paths.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="InputException"><paramref name="paths"/> is outside 1..<see cref="MaxPaths"/>.</exception>
    public static PlanOutcome Compute(PlanScenario scenario, int paths, ulong seed, int maxDegreeOfParallelism, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        InputException.ThrowIfAny(CheckPaths(paths));
        var outcome = new PlanOutcome(scenario, Projector.Presets(scenario), Simulation.MonteCarlo.Run(scenario, paths, seed, maxDegreeOfParallelism, progress, cancellationToken), Projector.Tornado(scenario));
        outcome.EnsureFinite();
        return outcome;
    }

    // Inputs are bounded (±1e18, sigma ≤ 5), but growth compounds: 1,200 months of +1000% overflows any double. A figure that
    // is not finite is reported as bad input instead of being shown as $NaN.
    private void EnsureFinite()
    {
        IEnumerable<(string Name, double[] Values)> series = Presets.SelectMany(p => new[]
        {
            ($"preset '{p.Name}' closing cash", p.Statement.ClosingCash),
            ($"preset '{p.Name}' revenue", p.Statement.Revenue),
            ($"preset '{p.Name}' net burn", p.Statement.NetBurn),
        }).Concat(
        [
            ("the Monte Carlo cash band", MonteCarlo.Cash.P5), ("the Monte Carlo cash band", MonteCarlo.Cash.P50), ("the Monte Carlo cash band", MonteCarlo.Cash.P95),
            ("the Monte Carlo revenue band", MonteCarlo.Revenue.P5), ("the Monte Carlo revenue band", MonteCarlo.Revenue.P95),
            ("the Monte Carlo net burn band", MonteCarlo.NetBurn.P5), ("the Monte Carlo net burn band", MonteCarlo.NetBurn.P95),
        ]);
        foreach ((string name, double[] values) in series)
        {
            int month = Array.FindIndex(values, v => !double.IsFinite(v) || Math.Abs(v) > 1e300);
            if (month >= 0)
            {
                throw new Core.Validation.InputException(
                    $"the projection overflows: {name} is not a finite number in {Scenario.MonthLabel(month)}; the scenario's amounts, growth rates and sigmas must keep every figure below about 1e300 USD");
            }
        }

        if (Tornado.FirstOrDefault(t => !double.IsFinite(t.LowCashUsd) || !double.IsFinite(t.HighCashUsd)) is { } bar)
        {
            throw new Core.Validation.InputException($"the projection overflows: the tornado bar of '{bar.Driver}' is not a finite number; narrow that driver's range");
        }
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
