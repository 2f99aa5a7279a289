using System.Globalization;

namespace Burnrate.Bench.Workloads;

/// <summary>
/// A token-length distribution: "128" (fixed), "uniform:64:256" (inclusive), "normal:128:32" (mean, standard deviation),
/// "lognormal:128:0.5" (median, σ of the log). Draws are clamped to [1, 1,000,000] and rounded.
/// </summary>
public sealed record LengthDistribution(string Kind, double A, double B)
{
    /// <summary>Gets the Max tokens.</summary>
    public const int MaxTokens = 1_000_000;

    /// <summary>Gets the Fixed(int).</summary>
    public static LengthDistribution Fixed(int n) => new("fixed", n, 0);

    /// <summary>Gets the Mean.</summary>
    public double Mean => Kind switch
    {
        "uniform" => (A + B) / 2,
        "lognormal" => A * Math.Exp(B * B / 2),
        _ => A,
    };

    /// <summary>Gets the Try parse(string?, out  length distribution, out string).</summary>
    public static bool TryParse(string? text, out LengthDistribution distribution, out string error)
    {
        distribution = Fixed(1);
        error = "";
        string s = (text ?? "").Trim();
        string[] parts = s.Split(':', StringSplitOptions.TrimEntries);
        double[] numbers = new double[parts.Length];
        for (int i = parts.Length == 1 ? 0 : 1; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                error = $"'{s}' is not a length: use N, uniform:MIN:MAX, normal:MEAN:SD or lognormal:MEDIAN:SIGMA";
                return false;
            }
        }

        string kind = parts.Length == 1 ? "fixed" : parts[0].ToLowerInvariant();
        (bool ok, LengthDistribution d) = (kind, parts.Length) switch
        {
            ("fixed", 1) => (numbers[0] >= 1 && numbers[0] <= MaxTokens && numbers[0] == Math.Floor(numbers[0]), Fixed((int)numbers[0])),
            ("uniform", 3) => (numbers[1] >= 1 && numbers[2] >= numbers[1] && numbers[2] <= MaxTokens, new LengthDistribution(kind, numbers[1], numbers[2])),
            ("normal", 3) => (numbers[1] >= 1 && numbers[2] >= 0, new LengthDistribution(kind, numbers[1], numbers[2])),
            ("lognormal", 3) => (numbers[1] >= 1 && numbers[2] >= 0, new LengthDistribution(kind, numbers[1], numbers[2])),
            _ => (false, Fixed(1)),
        };
        if (!ok)
        {
            error = $"'{s}' is not a valid length: use a whole N in 1..{MaxTokens}, uniform:MIN:MAX (1 ≤ MIN ≤ MAX), normal:MEAN:SD or lognormal:MEDIAN:SIGMA (MEAN/MEDIAN ≥ 1, SD/SIGMA ≥ 0)";
            return false;
        }

        distribution = d;
        return true;
    }

    /// <summary>Draws one length.</summary>
    public int Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double x = Kind switch
        {
            "uniform" => A + Math.Floor(random.NextDouble() * (B - A + 1)),
            "normal" => A + (B * StandardNormal(random)),
            "lognormal" => A * Math.Exp(B * StandardNormal(random)),
            _ => A,
        };
        return (int)Math.Clamp(Math.Round(x), 1, MaxTokens);
    }

    /// <summary>Gets the To string.</summary>
    public override string ToString() => Kind switch
    {
        "fixed" => A.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{A}:{B}"),
    };

    /// <summary>Box–Muller transform.</summary>
    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
