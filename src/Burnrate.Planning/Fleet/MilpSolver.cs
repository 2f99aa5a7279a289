using Google.OrTools.LinearSolver;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// The one place Burnrate calls a MILP solver: Google OR-Tools' linear solver wrapper, with SCIP by default and CP-SAT on request
/// (CP-SAT needs every variable integer, so it is used only where the model has no continuous variable). Single-threaded and
/// seeded, so the same model gives the same answer on any machine load.
/// </summary>
internal static class MilpSolver
{
    /// <summary>Solves <paramref name="model"/>.</summary>
    /// <param name="model">The program (minimisation).</param>
    /// <param name="settings">Backend, relative gap and time limit.</param>
    /// <returns>The outcome, with values when a solution was found.</returns>
    public static MilpSolution Solve(LinearModel model, SolverSettings settings)
    {
        bool cpSat = settings.Backend == SolverBackend.CpSat && model.IntegerCount == model.VariableCount;
        using Solver solver = Solver.CreateSolver(cpSat ? "CP_SAT" : "SCIP")
            ?? throw new InvalidOperationException("OR-Tools has no " + (cpSat ? "CP-SAT" : "SCIP") + " backend in this build");
        var vars = new Variable[model.VariableCount];
        Objective objective = solver.Objective();
        for (int i = 0; i < vars.Length; i++)
        {
            var v = model.Variables[i];
            vars[i] = v.Integer ? solver.MakeIntVar(v.Lower, v.Upper, "") : solver.MakeNumVar(v.Lower, v.Upper, "");
            objective.SetCoefficient(vars[i], v.Cost);
        }

        objective.SetMinimization();
        foreach (var c in model.Constraints)
        {
            Constraint row = solver.MakeConstraint(c.Lower, c.Upper);
            for (int k = 0; k < c.Vars.Length; k++)
            {
                row.SetCoefficient(vars[c.Vars[k]], c.Coefficients[k]);
            }
        }

        solver.SetTimeLimit((long)(settings.TimeLimitSeconds * 1000));
        if (cpSat)
        {
            solver.SetSolverSpecificParametersAsString("num_workers:1 random_seed:1");
        }
        else
        {
            solver.SetSolverSpecificParametersAsString("randomization/randomseedshift = 1\n");
        }

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.RelativeGap);
        Solver.ResultStatus status = solver.Solve(parameters);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new MilpSolution(status == Solver.ResultStatus.INFEASIBLE ? MilpStatus.Infeasible : MilpStatus.NoSolution, [], 0, 0, cpSat ? "cp-sat" : "scip");
        }

        double value = objective.Value();
        double bound = model.IntegerCount == 0 ? value : Math.Min(value, objective.BestBound());
        return new MilpSolution(
            status == Solver.ResultStatus.OPTIMAL ? MilpStatus.Optimal : MilpStatus.Feasible,
            [.. vars.Select(v => v.SolutionValue())], value, bound, cpSat ? "cp-sat" : "scip");
    }
}
