using Google.OrTools.LinearSolver;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// The one place Burnrate calls a MILP solver: Google OR-Tools' linear solver wrapper, with SCIP by default and CP-SAT on request
/// (CP-SAT needs every variable integer, so it is used only where the model has no continuous variable). Single-threaded and
/// seeded, so the same model gives the same answer on any machine load. Cancellable: a cancelled token interrupts the running
/// solve (OR-Tools' <c>InterruptSolve</c>, supported by SCIP and CP-SAT) and the call throws <see cref="OperationCanceledException"/>.
/// </summary>
internal static class MilpSolver
{
    /// <summary>Solves <paramref name="model"/>.</summary>
    /// <param name="model">The program (minimisation).</param>
    /// <param name="settings">Backend, relative gap and time limit.</param>
    /// <param name="cancellationToken">Interrupts the solve.</param>
    /// <returns>The outcome, with values when a solution was found.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or during the solve.</exception>
    public static MilpSolution Solve(LinearModel model, SolverSettings settings, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
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
            // SCIP catches SIGINT itself while it solves (misc/catchctrlc), which would hide Ctrl-C from the process (the CLI's
            // graceful stop never hears it and the run carries on with SCIP's interrupted answer); the caller stops a solve
            // through the cancellation token instead.
            solver.SetSolverSpecificParametersAsString("randomization/randomseedshift = 1\nmisc/catchctrlc = FALSE\n");
        }

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.RelativeGap);
        Solver.ResultStatus status;
        using (new Interrupter(solver, cancellationToken))
        {
            status = solver.Solve(parameters);
        }

        cancellationToken.ThrowIfCancellationRequested();
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

    /// <summary>
    /// Interrupts a running solve once its token is cancelled, and again every 50 ms until the solve returns: an interrupt that
    /// lands while OR-Tools is still handing the model to the backend (before the backend's own solve starts and clears its flag)
    /// would otherwise be lost, and the solve would run to its time limit.
    /// </summary>
    private sealed class Interrupter : IDisposable
    {
        private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

        private readonly Solver _solver;
        private readonly Lock _gate = new();
        private readonly CancellationTokenRegistration _registration;
        private Timer? _timer;
        private bool _done;

        public Interrupter(Solver solver, CancellationToken cancellationToken)
        {
            _solver = solver;
            _registration = cancellationToken.Register(Start);
        }

        public void Dispose()
        {
            _registration.Dispose();
            lock (_gate)
            {
                _done = true;
                _timer?.Dispose();
            }
        }

        private void Start()
        {
            lock (_gate)
            {
                if (!_done)
                {
                    _timer = new Timer(_ => Interrupt(), null, TimeSpan.Zero, Every);
                }
            }
        }

        private void Interrupt()
        {
            lock (_gate)
            {
                if (!_done)
                {
                    _solver.InterruptSolve();
                }
            }
        }
    }
}
