using Burnrate.Planning.Scenario;
using MathNet.Numerics.LinearAlgebra;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// The Cholesky factor L (C = L·Lᵀ) of the correlation matrix among uncertain drivers of one draw group (once per path, or per month),
/// for a Gaussian copula: z = L·ε with ε standard normal, then u = Φ(z) and x = F⁻¹(u) (Nelsen, An Introduction to Copulas, 2006).
/// </summary>
internal sealed class CorrelationFactor
{
    private CorrelationFactor(int[] drivers, double[,] lower)
    {
        Drivers = drivers;
        Lower = lower;
    }

    /// <summary>Gets the uncertain drivers of the group, in index order (row i of <see cref="Lower"/> is Drivers[i]).</summary>
    public int[] Drivers { get; }

    /// <summary>Gets the lower-triangular factor; null rows/columns are never produced.</summary>
    public double[,] Lower { get; }

    /// <summary>Gets whether any off-diagonal correlation is non-zero.</summary>
    public bool IsIdentity { get; private init; }

    /// <summary>Builds the factor for the drivers drawn once per path (<paramref name="perMonth"/> false) or per month.</summary>
    public static bool TryBuild(IReadOnlyList<Driver> all, IReadOnlyList<Correlation> correlations, bool perMonth, out CorrelationFactor factor, out double smallestEigenvalue)
    {
        int[] drivers = Enumerable.Range(0, all.Count).Where(i => all[i].IsUncertain && all[i].PerMonth == perMonth).ToArray();
        int n = drivers.Length;
        if (!correlations.Any(k => all[k.First].PerMonth == perMonth && k.Rho != 0))
        {
            // Independent draws: no n × n matrix (20,000 drivers would need 3.2 GB and an eigen-decomposition).
            smallestEigenvalue = 1;
            factor = new CorrelationFactor(drivers, new double[0, 0]) { IsIdentity = true };
            return true;
        }

        Matrix<double> c = Matrix<double>.Build.DenseIdentity(Math.Max(n, 1));
        bool identity = true;
        foreach (Correlation k in correlations.Where(k => all[k.First].PerMonth == perMonth))
        {
            int i = Array.IndexOf(drivers, k.First), j = Array.IndexOf(drivers, k.Second);
            c[i, j] = c[j, i] = k.Rho;
            identity &= k.Rho == 0;
        }

        smallestEigenvalue = n == 0 ? 1 : c.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
        if (smallestEigenvalue < -1e-9)
        {
            factor = new CorrelationFactor(drivers, new double[0, 0]);
            return false;
        }

        // A semi-definite matrix (e.g. rho = 1) has no strict Cholesky factor; a 1e-10 ridge keeps it factorable without visibly changing it.
        Matrix<double> l = (c + (Matrix<double>.Build.DenseIdentity(c.RowCount) * (Math.Max(0, -smallestEigenvalue) + 1e-10))).Cholesky().Factor;
        factor = new CorrelationFactor(drivers, l.ToArray()) { IsIdentity = identity };
        return true;
    }
}
