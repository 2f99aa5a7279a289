using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Burnrate.Planning.Simulation;

/// <summary>
/// The quantile function of Beta(α, β) with α, β ≥ 1 (every PERT has α + β = 6) for sampling many draws: exact quantiles at
/// u = i/4096, cubic Hermite interpolation between them (slope dQ/du = 1/pdf); in the outer 32 cells at each end, where the slope
/// grows without bound, a safeguarded Newton solve on the regularized incomplete beta. Error below 1e-9 of the range (tested), about
/// a hundred times faster than a root search per draw (MathNet's Beta.InvCDF, ~4 µs). Building a table takes 4,096 root searches (about
/// 3 ms), so runs share the tables of the last few shapes (<see cref="For"/>): a table depends on (α, β) alone and never changes.
/// </summary>
internal sealed class BetaQuantiles
{
    private const int Cells = 4096;
    private const int TailCells = 32;
    private const int KeptShapes = 64;
    private static readonly Dictionary<(double Alpha, double Beta), BetaQuantiles> Built = [];
    private readonly double _alpha;
    private readonly double _beta;
    private readonly double _logNormalizer;
    private readonly double[] _x = new double[Cells + 1];
    private readonly double[] _slope = new double[Cells + 1];

    public BetaQuantiles(double alpha, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(alpha, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(beta, 1);
        _alpha = alpha;
        _beta = beta;
        _logNormalizer = SpecialFunctions.BetaLn(alpha, beta);
        _x[Cells] = 1;
        for (int i = 1; i < Cells; i++)
        {
            double u = (double)i / Cells, previous = _x[i - 1];
            double pdf = Pdf(previous);
            double guess = pdf > 0 ? previous + (1.0 / Cells / pdf) : previous + (0.5 * (1 - previous));
            _x[i] = Solve(u, previous, 1, guess);
            _slope[i] = 1 / Pdf(_x[i]);
        }
    }

    /// <summary>Gets the table of Beta(α, β): built once, then shared by every run with that shape (the last 64 shapes are kept).</summary>
    /// <param name="alpha">α ≥ 1.</param>
    /// <param name="beta">β ≥ 1.</param>
    /// <returns>The table.</returns>
    public static BetaQuantiles For(double alpha, double beta)
    {
        lock (Built)
        {
            if (Built.TryGetValue((alpha, beta), out BetaQuantiles? kept))
            {
                return kept;
            }
        }

        var table = new BetaQuantiles(alpha, beta); // outside the lock: two runs may build the same table, and either is the same
        lock (Built)
        {
            if (Built.Count >= KeptShapes)
            {
                Built.Clear();
            }

            Built[(alpha, beta)] = table;
        }

        return table;
    }

    /// <summary>Gets Q(u) for u in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Quantile(double u)
    {
        double t = u * Cells;
        int i = Math.Clamp((int)t, 0, Cells - 1);
        double x0 = _x[i], x1 = _x[i + 1];
        if (i < TailCells || i >= Cells - TailCells)
        {
            double s0 = t - i;
            return Solve(u, x0, x1, x0 + (s0 * (x1 - x0)));
        }

        const double H = 1.0 / Cells;
        double s = t - i, s2 = s * s, s3 = s2 * s;
        return (((2 * s3) - (3 * s2) + 1) * x0) + ((s3 - (2 * s2) + s) * H * _slope[i]) + (((3 * s2) - (2 * s3)) * x1) + ((s3 - s2) * H * _slope[i + 1]);
    }

    private double Pdf(double x) => Density(x, _alpha, _beta);

    /// <summary>The density of Beta(a, b) (a, b ≥ 1; B(a, b) = B(b, a) is the same normalizer either way round).</summary>
    private double Density(double x, double a, double b) => x <= 0 || x >= 1
        ? ((x <= 0 ? a : b) == 1 ? Math.Exp(-_logNormalizer) : 0)
        : Math.Exp(((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)) - _logNormalizer);

    /// <summary>
    /// Solves I_x(α, β) = u for x in [lo, hi] (which brackets it). Above the median it solves the mirror I_y(β, α) = 1 − u for y = 1 − x,
    /// as 1 − u is exact there while I_x near 1 has lost the digits of a small upper tail.
    /// </summary>
    private double Solve(double u, double lo, double hi, double x) => u <= 0.5
        ? Newton(u, _alpha, _beta, lo, hi, x)
        : 1 - Newton(1 - u, _beta, _alpha, 1 - hi, 1 - lo, 1 - x);

    /// <summary>Solves I_x(a, b) = p in [lo, hi]: Newton steps, bisecting whenever a step leaves the bracket.</summary>
    private double Newton(double p, double a, double b, double lo, double hi, double x)
    {
        x = Math.Clamp(x, lo, hi);
        for (int k = 0; k < 200 && hi - lo > 1e-16; k++)
        {
            double f = SpecialFunctions.BetaRegularized(a, b, x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double pdf = Density(x, a, b);
            double next = pdf > 0 ? x - (f / pdf) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) < 1e-15 * Math.Max(x, 1e-300))
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
