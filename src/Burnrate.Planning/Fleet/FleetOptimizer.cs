using System.Globalization;
using Burnrate.Core.Validation;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// <c>burnrate fleet</c>'s engine: the cheapest mix of owned, reserved, on-demand, spot and API capacity for the expected demand,
/// the cheapest fleet under each demand scenario, and (on request) each contract evaluated across the scenarios. docs/fleet.md.
/// </summary>
public static class FleetOptimizer
{
    /// <summary>Solves the fleet problem.</summary>
    /// <param name="input">The validated problem.</param>
    /// <param name="settings">Solver backend, gap and time limit.</param>
    /// <param name="contracts">Whether to evaluate the contracts across the scenarios.</param>
    /// <param name="cancellationToken">Stops the run: a solve in progress is interrupted (OR-Tools' InterruptSolve) and no further solve starts.</param>
    /// <returns>The report and chart series.</returns>
    /// <exception cref="InputException">The input has a semantic problem (every bad field, located in <see cref="FleetInput.SourceFile"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FleetOutcome Run(FleetInput input, SolverSettings settings, bool contracts = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        input.ThrowIfInvalid();
        var grid = SlotGrid.Build(input);
        var expected = new DemandScenario("expected", input.MonthlyGrowth, 1);
        Solved main = Solve(input, grid, expected, null, settings, cancellationToken: cancellationToken);
        IReadOnlyList<FleetScenarioReport> scenarios = input.Scenarios.Count == 0 ? []
            : [.. input.Scenarios.Select(s => Solve(input, grid, s with { Probability = 1 }, null, settings, cancellationToken: cancellationToken)).Select((r, i) =>
                new FleetScenarioReport(input.Scenarios[i].Name, input.Scenarios[i].MonthlyGrowth, input.Scenarios[i].Probability, r.Status, r.Result?.TotalCost ?? double.NaN))];
        IReadOnlyList<FleetContractReport> evaluated = contracts && main.Result is not null ? ContractEvaluator.Evaluate(input, grid, settings, cancellationToken) : [];
        return FleetReportBuilder.Build(input, grid, main, scenarios, evaluated, settings, o => MarginalValue(input, grid, main, o, settings, cancellationToken));
    }

    /// <summary>Solves the expected-demand program alone (no scenarios, contracts or marginal values) and says how big it was:
    /// the entry point of benchmarks and profiling.</summary>
    /// <param name="input">The validated problem.</param>
    /// <param name="settings">Solver backend, gap and time limit.</param>
    /// <param name="cancellationToken">Interrupts the solve.</param>
    /// <returns>The status, gap, cost and program size.</returns>
    /// <exception cref="InputException">The input has a semantic problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FleetSolveStats SolveExpected(FleetInput input, SolverSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        input.ThrowIfInvalid();
        var grid = SlotGrid.Build(input);
        Solved solved = Solve(input, grid, new DemandScenario("expected", input.MonthlyGrowth, 1), null, settings, cancellationToken: cancellationToken);
        LinearModel lp = solved.Model.Lp;
        return new FleetSolveStats(solved.Status, solved.GapPercent, solved.Result?.TotalCost, grid.Count, grid.MonthHours.Sum(),
            lp.VariableCount, lp.IntegerCount, lp.ConstraintCount, lp.NonZeroCount);
    }

    /// <summary>Solves one scenario (probability weights the objective; pass 1 alone), with an optional contract.</summary>
    internal static Solved Solve(FleetInput input, SlotGrid grid, DemandScenario scenario, FleetContract? contract, SolverSettings settings, bool perSlot = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = new FleetModelBuilder(input, grid) { ForcePerSlot = perSlot };
        if (FirstUncovered(input, grid, scenario) is { } reason)
        {
            return new Solved("infeasible", 0, reason, null, new FleetModel(new LinearModel(), grid, []), null);
        }

        FleetModel model = builder.Build([scenario], contract);

        MilpSolution solution = MilpSolver.Solve(model.Lp, settings, cancellationToken);
        return solution.Status switch
        {
            MilpStatus.Infeasible => new Solved("infeasible", 0, "the solver proved the program infeasible (contract terms cannot be met)", null, model, solution),
            MilpStatus.NoSolution => new Solved("no-solution", 0, Invariant($"no solution found within {settings.TimeLimitSeconds} s; raise --time-limit"), null, model, solution),
            _ => new Solved(solution.Status == MilpStatus.Optimal ? "optimal" : "feasible", solution.GapPercent, null,
                SolutionReader.Read(input, builder, model, model.Blocks[0], solution.Values, contract), model, solution),
        };
    }

    /// <summary>Names the first slot no mix of the options can cover (all caps at their most), or null when every slot can be covered.</summary>
    internal static string? FirstUncovered(FleetInput input, SlotGrid grid, DemandScenario scenario)
    {
        if (input.Options.Any(o => o.Kind == OptionKind.Api))
        {
            return null;
        }

        for (int m = 0; m < grid.Months; m++)
        {
            double most = 0;
            foreach (FleetOption o in input.Options)
            {
                bool available = o.Kind != OptionKind.Owned || m >= o.LeadTimeMonths;
                most += available ? (o.MaxUnits ?? double.PositiveInfinity) * input.Servings[o.Serving].CapacityTokensPerSecond * o.EffectiveShare : 0;
            }

            foreach (Slot slot in grid.ByMonth[m].OrderBy(s => s.FirstHourOfWeek))
            {
                double need = slot.BaseTokensPerSecond * SlotGrid.Growth(scenario.MonthlyGrowth, m) * (1 + input.Headroom);
                if (need > most * (1 + 1e-12) + 1e-9)
                {
                    string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
                    return Invariant($"slot {input.MonthLabel(m)} {days[slot.FirstHourOfWeek / 24]} {slot.FirstHourOfWeek % 24:00}:00 (scenario '{scenario.Name}') needs {need:0.##} tokens/s including headroom; the options give at most {most:0.##}: short by {need - most:0.##} tokens/s");
                }
            }
        }

        return null;
    }

    private static double? MarginalValue(FleetInput input, SlotGrid grid, Solved main, int option, SolverSettings settings, CancellationToken cancellationToken)
    {
        FleetOption o = input.Options[option];
        if (main.Result is null || o.MaxUnits is not { } cap || main.Result.UnitsByMonth[option].DefaultIfEmpty(0).Max() < cap - 0.5)
        {
            return null;
        }

        FleetOption[] widened = [.. input.Options];
        widened[option] = o with { MaxUnits = cap + 1 };
        Solved more = Solve(input with { Options = widened }, grid, new DemandScenario("expected", input.MonthlyGrowth, 1), null, settings, cancellationToken: cancellationToken);
        return more.Result is null ? null : Math.Max(0, main.Result.TotalCost - more.Result.TotalCost);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One solve: status, gap, reason, the read-back result (null without a solution), the model and the raw solution.</summary>
    internal sealed record Solved(string Status, double GapPercent, string? Reason, ScenarioResult? Result, FleetModel Model, MilpSolution? Solution);
}
