namespace Burnrate.Planning.Fleet;

/// <summary>How the fleet program is solved.</summary>
/// <param name="Backend">SCIP (default) or CP-SAT (used only when the program has no continuous variable: API tokens kept per slot are
/// continuous, API tokens inside the tabulated recourse are not).</param>
/// <param name="RelativeGap">Stop when the solution is proved within this fraction of the optimum (default 1e-4 = 0.01%).</param>
/// <param name="TimeLimitSeconds">Stop after this long and report the best solution with its gap.</param>
public sealed record SolverSettings(SolverBackend Backend = SolverBackend.Scip, double RelativeGap = 1e-4, double TimeLimitSeconds = 60);

/// <summary>The MILP backend.</summary>
public enum SolverBackend
{
    /// <summary>SCIP (branch and cut), the default.</summary>
    Scip,

    /// <summary>Google's CP-SAT; integer models only.</summary>
    CpSat,
}
