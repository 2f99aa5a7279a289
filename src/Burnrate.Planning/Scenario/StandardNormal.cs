using System.Runtime.CompilerServices;

namespace Burnrate.Planning.Scenario;

/// <summary>
/// The standard normal quantile and CDF in double precision, written out so the Monte Carlo's draws run as a few multiply-adds:
/// Wichura's AS 241 (PPND16, Applied Statistics 37(3), 1988: about 1 part in 10¹⁶) and Cody's rational Chebyshev erfc (Mathematics
/// of Computation 23, 1969; the coefficients of netlib specfun CALERF). Both are checked against MathNet.Numerics in the tests.
/// </summary>
internal static class StandardNormal
{
    private const double Sqrt2 = 1.4142135623730950488;
    private const double InvSqrtPi = 0.56418958354775628695;

    // AS 241 coefficients, degree 0 to 7 (denominators have constant term 1).
    private static readonly double[] A = [3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3];
    private static readonly double[] B = [1, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3];
    private static readonly double[] C = [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4];
    private static readonly double[] D = [1, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9];
    private static readonly double[] E = [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
    private static readonly double[] F = [1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15];

    // Cody's coefficients (netlib specfun CALERF a, b, c, d, p, q), arranged lowest degree first for Horner's rule.
    private static readonly double[] ErfNear = [3209.37758913846947, 377.485237685302021, 113.864154151050156, 3.1611237438705656, 1.85777706184603153e-1];
    private static readonly double[] ErfNearDen = [2844.23683343917062, 1282.61652607737228, 244.024637934444173, 23.6012909523441209, 1];
    private static readonly double[] ErfcMid = [1230.33935479799725, 2051.07837782607147, 1712.04761263407058, 881.95222124176909, 298.635138197400131, 66.1191906371416295, 8.88314979438837594, 0.564188496988670089, 2.15311535474403846e-8];
    private static readonly double[] ErfcMidDen = [1230.33935480374942, 3439.36767414372164, 4362.61909014324716, 3290.79923573345963, 1621.38957456669019, 537.181101862009858, 117.693950891312499, 15.7449261107098347, 1];
    private static readonly double[] ErfcFar = [6.58749161529837803e-4, 0.0160837851487422766, 0.125781726111229246, 0.360344899949804439, 0.305326634961232344, 0.0163153871373020978];
    private static readonly double[] ErfcFarDen = [0.00233520497626869185, 0.0605183413124413191, 0.527905102951428412, 1.87295284992346047, 2.56852019228982242, 1];

    /// <summary>Gets Φ⁻¹(p) for p in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Quantile(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - (q * q);
            return q * Polynomial(A, r) / Polynomial(B, r);
        }

        double t = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double z = t <= 5 ? Polynomial(C, t - 1.6) / Polynomial(D, t - 1.6) : Polynomial(E, t - 5) / Polynomial(F, t - 5);
        return q < 0 ? -z : z;
    }

    /// <summary>Gets Φ(z) = erfc(−z/√2) / 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>Evaluates Σ c[i]·x^i by Horner's rule.</summary>
    private static double Polynomial(double[] c, double x)
    {
        double sum = c[^1];
        for (int i = c.Length - 2; i >= 0; i--)
        {
            sum = (sum * x) + c[i];
        }

        return sum;
    }

    /// <summary>Gets erfc(x) (Cody's three ranges: |x| ≤ 0.46875, ≤ 4, beyond).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Erfc(double x)
    {
        double y = Math.Abs(x);
        if (y <= 0.46875)
        {
            double ysq = y > 1.11e-16 ? y * y : 0;
            return 1 - (x * Polynomial(ErfNear, ysq) / Polynomial(ErfNearDen, ysq));
        }

        double result;
        if (y <= 4)
        {
            result = Polynomial(ErfcMid, y) / Polynomial(ErfcMidDen, y);
        }
        else if (y < 26.543)
        {
            double ysq = 1 / (y * y);
            result = (InvSqrtPi - (ysq * Polynomial(ErfcFar, ysq) / Polynomial(ErfcFarDen, ysq))) / y;
        }
        else
        {
            return x < 0 ? 2 : 0; // erfc underflows to 0 beyond 26.543
        }

        // exp(−y²) split as exp(−s²)·exp(−(y − s)(y + s)) with s = y rounded down to 1/16, to keep its relative accuracy.
        double s = Math.Truncate(y * 16) / 16;
        result *= Math.Exp(-s * s) * Math.Exp(-(y - s) * (y + s));
        return x < 0 ? 2 - result : result;
    }
}
