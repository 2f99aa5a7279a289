namespace Burnrate.Planning.Fleet;

/// <summary>What <see cref="MilpSolver"/> found.</summary>
/// <param name="Status">Optimal (within the requested gap), feasible (stopped at the time limit), infeasible, or no solution found.</param>
/// <param name="Values">The variables' values, in the model's order (empty without a solution).</param>
/// <param name="Objective">The objective value of the solution.</param>
/// <param name="Bound">The best proven lower bound.</param>
/// <param name="Backend">The backend that solved it ("scip" or "cp-sat").</param>
internal sealed record MilpSolution(MilpStatus Status, double[] Values, double Objective, double Bound, string Backend)
{
    /// <summary>Gets the relative gap between the solution and the bound, in percent.</summary>
    public double GapPercent => Objective <= 0 ? 0 : Math.Max(0, (Objective - Bound) / Objective * 100);
}

/// <summary>A solver outcome.</summary>
internal enum MilpStatus
{
    /// <summary>Proved optimal within the requested relative gap.</summary>
    Optimal,

    /// <summary>A solution, not proved optimal before the time limit.</summary>
    Feasible,

    /// <summary>No solution exists.</summary>
    Infeasible,

    /// <summary>No solution found before the time limit.</summary>
    NoSolution,
}
