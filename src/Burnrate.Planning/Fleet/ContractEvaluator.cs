namespace Burnrate.Planning.Fleet;

/// <summary>
/// Evaluates each contract across the demand scenarios (docs/fleet.md, "Contracts"). The commitment is decided once, before
/// demand is known: a two-stage stochastic program shares it across the scenarios and lets every other decision follow each
/// scenario, minimising expected cost. Regret compares a scenario's cost with the cheapest fleet had that scenario been known
/// (no contract, or any contract at the commitment best for that scenario alone).
/// </summary>
internal static class ContractEvaluator
{
    public static IReadOnlyList<FleetContractReport> Evaluate(FleetInput input, SlotGrid grid, SolverSettings settings, CancellationToken cancellationToken = default)
    {
        // Regret is a difference of optima, so the solves are tighter than the fleet's own gap (a 0.01% gap on $1M is $100 of noise).
        settings = settings with { RelativeGap = Math.Min(settings.RelativeGap, 1e-7) };
        IReadOnlyList<DemandScenario> scenarios = input.EffectiveScenarios();
        var hindsight = new double[scenarios.Count];
        var withoutContract = new double[scenarios.Count];
        for (int s = 0; s < scenarios.Count; s++)
        {
            DemandScenario alone = scenarios[s] with { Probability = 1 };
            withoutContract[s] = FleetOptimizer.Solve(input, grid, alone, null, settings, cancellationToken: cancellationToken).Result?.TotalCost ?? double.PositiveInfinity;
            hindsight[s] = withoutContract[s];
            foreach (FleetContract c in input.Contracts)
            {
                FleetContract free = c with { Commitment = null };
                hindsight[s] = Math.Min(hindsight[s], FleetOptimizer.Solve(input, grid, alone, free, settings, cancellationToken: cancellationToken).Result?.TotalCost ?? double.PositiveInfinity);
            }
        }

        double expectedWithout = scenarios.Select((s, i) => s.Probability * withoutContract[i]).Sum();
        return [.. input.Contracts.Select(c => One(input, grid, scenarios, c, hindsight, expectedWithout, settings, cancellationToken))];
    }

    private static FleetContractReport One(FleetInput input, SlotGrid grid, IReadOnlyList<DemandScenario> scenarios, FleetContract contract, double[] hindsight, double expectedWithout, SolverSettings settings, CancellationToken cancellationToken)
    {
        var builder = new FleetModelBuilder(input, grid);
        FleetModel model = builder.Build(scenarios, contract);
        string unit = contract.IsUnits ? "units" : "usdPerMonth";
        if (scenarios.Any(s => FleetOptimizer.FirstUncovered(input, grid, s) is not null))
        {
            return Failed(contract, "infeasible", unit);
        }

        MilpSolution solution = MilpSolver.Solve(model.Lp, settings, cancellationToken);
        if (solution.Status is MilpStatus.Infeasible or MilpStatus.NoSolution)
        {
            return Failed(contract, solution.Status == MilpStatus.Infeasible ? "infeasible" : "no-solution", unit);
        }

        var costs = new double[scenarios.Count];
        for (int s = 0; s < scenarios.Count; s++)
        {
            costs[s] = SolutionReader.Read(input, builder, model, model.Blocks[s], solution.Values, contract).TotalCost;
        }

        double[] regret = [.. costs.Select((c, s) => Math.Max(0, c - hindsight[s]))];
        double expected = scenarios.Select((s, i) => s.Probability * costs[i]).Sum();
        double commitment = solution.Values[model.Commitment];
        return new FleetContractReport(
            contract.Name,
            solution.Status == MilpStatus.Optimal ? "optimal" : "feasible",
            contract.IsUnits ? Math.Round(commitment) : commitment,
            unit,
            expected,
            costs.Max(),
            scenarios.Select((s, i) => s.Probability * regret[i]).Sum(),
            regret.Max(),
            expectedWithout - expected,
            [.. scenarios.Select((s, i) => new FleetContractScenario(s.Name, costs[i], regret[i]))]);
    }

    private static FleetContractReport Failed(FleetContract c, string status, string unit) =>
        new(c.Name, status, double.NaN, unit, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
}
