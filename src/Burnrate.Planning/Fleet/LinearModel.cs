namespace Burnrate.Planning.Fleet;

/// <summary>
/// A mixed-integer linear program held as plain arrays (minimise Σ cost·x subject to lower ≤ Σ a·x ≤ upper), built by
/// <see cref="FleetModelBuilder"/> and handed whole to <see cref="MilpSolver"/>, the one class that talks to a solver.
/// </summary>
internal sealed class LinearModel
{
    private readonly List<(double Lower, double Upper, bool Integer, double Cost)> _variables = [];
    private readonly List<(double Lower, double Upper, int[] Vars, double[] Coefficients)> _constraints = [];

    /// <summary>Gets the number of variables.</summary>
    public int VariableCount => _variables.Count;

    /// <summary>Gets the number of integer variables.</summary>
    public int IntegerCount => _variables.Count(v => v.Integer);

    /// <summary>Gets the number of constraints.</summary>
    public int ConstraintCount => _constraints.Count;

    /// <summary>Gets the number of non-zero coefficients in the constraints.</summary>
    public int NonZeroCount => _constraints.Sum(c => c.Vars.Length);

    /// <summary>Gets the variables.</summary>
    public IReadOnlyList<(double Lower, double Upper, bool Integer, double Cost)> Variables => _variables;

    /// <summary>Gets the constraints.</summary>
    public IReadOnlyList<(double Lower, double Upper, int[] Vars, double[] Coefficients)> Constraints => _constraints;

    /// <summary>Adds a variable and returns its index.</summary>
    public int Add(double lower, double upper, bool integer, double cost)
    {
        _variables.Add((lower, upper, integer, cost));
        return _variables.Count - 1;
    }

    /// <summary>Adds <paramref name="extra"/> to a variable's objective coefficient.</summary>
    public void AddCost(int variable, double extra)
    {
        var v = _variables[variable];
        _variables[variable] = v with { Cost = v.Cost + extra };
    }

    /// <summary>Adds lower ≤ Σ coefficient·variable ≤ upper (terms on the same variable are summed).</summary>
    public void Constrain(double lower, double upper, IEnumerable<(int Var, double Coefficient)> terms)
    {
        var merged = new Dictionary<int, double>();
        foreach ((int v, double c) in terms)
        {
            merged[v] = merged.GetValueOrDefault(v) + c;
        }

        int[] vars = [.. merged.Keys];
        _constraints.Add((lower, upper, vars, [.. vars.Select(v => merged[v])]));
    }
}
