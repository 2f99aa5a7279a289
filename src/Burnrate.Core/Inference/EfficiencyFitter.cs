using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>
/// Fits the efficiency factors of the roofline model to measured TTFT and decode-step times (docs/calibrate.md): least squares
/// on ln(predicted ÷ measured) over every measured time, minimized by a deterministic coarse-to-fine grid search over
/// (0, 1] in log space: compute and bandwidth always, communication too when the deployment communicates (TP or EP above 1).
/// </summary>
public static class EfficiencyFitter
{
    private const double LowestEfficiency = 1e-3;
    private const int CoarseSteps = 41;
    private const int FineSteps = 9;
    private const int MaxFineRounds = 200;
    private const int MaxEscapes = 8;
    private const int LineSteps = 1728;

    /// <summary>How much lower the RMS of ln(predicted ÷ measured) must be with the prefill ratio fitted for the ratio to count
    /// as determined by the data (0.01: predictions 1% closer); below it the ratio keeps its starting value.</summary>
    private const double RatioRmsGain = 0.01;

    /// <summary>Fits the factors to the levels of one deployment (one weight precision: its weight-only read rate keeps its
    /// starting value, since it cannot be told from the bandwidth efficiency).</summary>
    /// <param name="model">The architecture measured.</param>
    /// <param name="deployment">The deployment measured; must pass <see cref="InferenceDeployment.Validate"/>.</param>
    /// <param name="points">The measured levels; at least one must carry a TTFT or a decode step.</param>
    /// <param name="start">Values kept for factors the data cannot determine (normally <see cref="EfficiencyFactors.Default"/>).</param>
    /// <returns>The fit and its residuals.</returns>
    /// <exception cref="ArgumentException">The deployment is invalid, or a point is invalid or carries no measurement.</exception>
    public static CalibrationFit Fit(ModelArchitecture model, InferenceDeployment deployment, IReadOnlyList<CalibrationPoint> points, EfficiencyFactors start) =>
        Fit(model, [new CalibrationSet(deployment ?? throw new ArgumentNullException(nameof(deployment)), points ?? throw new ArgumentNullException(nameof(points)))], start);

    /// <summary>
    /// Fits the factors to the levels of one or more deployments of the same model that differ in weight precision (one bench run
    /// each): compute, bandwidth, communication and the prefill ratio are shared; the int8 and 4-bit weight-only read rates
    /// relative to 16-bit weights are fitted when sets at that precision (weight-only: dequantized into another compute precision)
    /// sit beside a set whose weights are read at the 16-bit rate, and keep their starting values otherwise. Block-coordinate
    /// descent: the shared factors by the search of the one-set fit, then each rate by the same search in one dimension, repeated
    /// until no value moves by more than 10⁻⁹ in ln (at most 100 rounds).
    /// </summary>
    /// <param name="model">The architecture measured.</param>
    /// <param name="sets">The deployments and their levels; at least one level must carry a TTFT or a decode step.</param>
    /// <param name="start">Values kept for factors the data cannot determine (normally <see cref="EfficiencyFactors.Default"/>).</param>
    /// <returns>The fit and its residuals (in set order).</returns>
    /// <exception cref="ArgumentException">A deployment is invalid, or a point is invalid or carries no measurement.</exception>
    public static CalibrationFit Fit(ModelArchitecture model, IReadOnlyList<CalibrationSet> sets, EfficiencyFactors start)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(start);
        if (sets.Count == 0)
        {
            throw new ArgumentException("no measured set", nameof(sets));
        }

        foreach (CalibrationSet set in sets)
        {
            if (set.Deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } bad)
            {
                throw new ArgumentException(bad, nameof(sets));
            }

            foreach (CalibrationPoint p in set.Points)
            {
                if (p.Concurrency < 1 || p.InputTokens < 1 || p.OutputTokens < 1 || p.Ttft is { Seconds: <= 0 } || p.DecodeStep is { Seconds: <= 0 })
                {
                    throw new ArgumentException($"invalid level {p}: concurrency and tokens must be ≥ 1 and times positive", nameof(sets));
                }
            }
        }

        if (!sets.Any(s => s.Points.Any(p => p.Ttft is not null || p.DecodeStep is not null)))
        {
            throw new ArgumentException("no level carries a measured TTFT or decode step", nameof(sets));
        }

        var profile = new ModelProfile(model);
        bool communicates = sets.Any(s => s.Deployment.TensorParallel > 1 || s.Deployment.ExpertParallel > 1);
        Dimensions third = communicates ? Dimensions.Communication : Dimensions.None;
        Stage roofline = FitStage(profile, sets, start, third);
        Stage best = roofline;
        int measured = sets.Sum(s => Measured(s.Points));
        // The gain cannot exceed the first fit's RMS: skip the 3-D search when the first fit already matches (GPU data).
        if (!communicates && Math.Sqrt(roofline.Loss / measured) > RatioRmsGain)
        {
            // The prefill ratio (prefill FLOP/s ÷ decode FLOP/s) is fitted only where it is identifiable: when some decode step is
            // compute-bound, decode fixes compute and TTFT the ratio (a CPU's GEMV decode and tiled-GEMM prefill). Where every decode
            // step is memory-bound, compute and the ratio trade off on TTFT alone and the first fit already reaches the same loss.
            Stage withRatio = FitStage(profile, sets, start, Dimensions.PrefillRatio);
            if (Math.Sqrt(roofline.Loss / measured) - Math.Sqrt(withRatio.Loss / measured) > RatioRmsGain)
            {
                best = withRatio;
                third = Dimensions.PrefillRatio;
            }
        }

        // A weight-only read rate is read from the ratio of its sets to a set read at the 16-bit rate; alone it is the bandwidth's twin.
        bool reference = sets.Any(s => Rate(s.Deployment) == RateKind.None);
        bool fitInt8 = reference && sets.Any(s => Rate(s.Deployment) == RateKind.Int8);
        bool fitInt4 = reference && sets.Any(s => Rate(s.Deployment) == RateKind.Int4);
        EfficiencyFactors rates = start;
        for (int round = 0; round < MaxRateRounds && (fitInt8 || fitInt4); round++)
        {
            EfficiencyFactors shared = best.Factors;
            double int8 = fitInt8 ? Clamp(Minimize(1, l => Objective(profile, sets, shared with { Int8WeightRead = Clamp(l[0]) }), out _)[0]) : rates.Int8WeightRead;
            double int4 = fitInt4 ? Clamp(Minimize(1, l => Objective(profile, sets, shared with { Int4WeightRead = Clamp(l[0]) }), out _)[0]) : rates.Int4WeightRead;
            double moved = Math.Max(Math.Abs(Math.Log(int8 / rates.Int8WeightRead)), Math.Abs(Math.Log(int4 / rates.Int4WeightRead)));
            rates = rates with { Int8WeightRead = int8, Int4WeightRead = int4 };
            Stage previous = best;
            best = FitStage(profile, sets, rates, third);
            moved = Math.Max(moved, Math.Abs(Math.Log(best.Factors.Compute / previous.Factors.Compute)));
            moved = Math.Max(moved, Math.Abs(Math.Log(best.Factors.Bandwidth / previous.Factors.Bandwidth)));
            moved = Math.Max(moved, Math.Abs(Math.Log(best.Factors.Communication / previous.Factors.Communication)));
            moved = Math.Max(moved, Math.Abs(Math.Log(best.Factors.LongPrefillRatio / previous.Factors.LongPrefillRatio)));
            if (moved < 1e-9)
            {
                break;
            }
        }

        EfficiencyFactors factors = best.Factors;
        var residuals = new List<CalibrationResidual>();
        foreach (CalibrationSet set in sets)
        {
            var setup = new ServingSetup(profile, set.Deployment, factors);
            residuals.AddRange(set.Points.Select(p => new CalibrationResidual(p, Duration.FromSeconds(Ttft(setup, p)), Duration.FromSeconds(Decode(setup, p))) { Weights = set.Deployment.Weights }));
        }

        return new CalibrationFit
        {
            Efficiency = factors,
            ComputeFitted = best.Fitted[0],
            BandwidthFitted = best.Fitted[1],
            CommunicationFitted = communicates && best.Fitted[2],
            PrefillRatioFitted = third == Dimensions.PrefillRatio && best.Fitted[2],
            Int8WeightReadFitted = fitInt8,
            Int4WeightReadFitted = fitInt4,
            Residuals = residuals,
            RmsLogError = Math.Sqrt(Objective(profile, sets, factors) / measured),
        };
    }

    private const int MaxRateRounds = 100;

    private enum RateKind
    {
        None,
        Int8,
        Int4,
    }

    // Which weight-only read rate a deployment's weights are read at (EfficiencyFactors.WeightRead): none when the matmul runs in them.
    private static RateKind Rate(InferenceDeployment d) =>
        d.Weights == d.Compute ? RateKind.None
        : d.Weights == Hardware.Precision.Int8 ? RateKind.Int8
        : d.Weights is Hardware.Precision.Int4 or Hardware.Precision.Fp4 ? RateKind.Int4
        : RateKind.None;

    // exp(ln x) kept inside [0.001, 1]: the search's edge may round a hair outside it.
    private static double Clamp(double log) => Math.Clamp(Math.Exp(log), LowestEfficiency, 1);

    private enum Dimensions
    {
        None,
        Communication,
        PrefillRatio,
    }

    private static int Measured(IReadOnlyList<CalibrationPoint> points) => points.Sum(p => (p.Ttft is null ? 0 : 1) + (p.DecodeStep is null ? 0 : 1));

    /// <summary>One deterministic search over compute, bandwidth and, if asked, a third dimension: communication efficiency, or
    /// ln(1 ÷ prefill ratio) on the same [ln 0.001, 0] scale (a ratio from 1 to 1000).</summary>
    private static Stage FitStage(in ModelProfile profile, IReadOnlyList<CalibrationSet> sets, EfficiencyFactors start, Dimensions third)
    {
        ModelProfile m = profile;
        int dims = third == Dimensions.None ? 2 : 3;
        double Loss(double[] logs) => Objective(m, sets, Factors(logs, start, third));
        double[] best = Minimize(dims, Loss, out bool[] fitted, [.. Enumerable.Range(0, dims).Select(d => Math.Log(Start(start, d, third)))]);
        return new Stage(Factors(best, start, third), fitted, Loss(best));
    }

    /// <summary>Minimizes <paramref name="loss"/> over ln values in [ln 0.001, 0]^dims: a coarse grid, then a pattern search; with
    /// <paramref name="keep"/> (ln of the starting values) a dimension the loss does not move with keeps its start when that costs
    /// nothing (<paramref name="fitted"/> false).</summary>
    private static double[] Minimize(int dims, Func<double[], double> loss, out bool[] fitted, double[]? keep = null)
    {
        // Coarse grid over ln(efficiency) in [ln 0.001, 0], then repeated finer grids around the best point.
        double low = Math.Log(LowestEfficiency);
        double[] best = new double[dims];
        double bestLoss = double.PositiveInfinity;
        Search(dims, CoarseSteps, i => low + (-low * i / (CoarseSteps - 1)), loss, ref best, ref bestLoss);
        double span = -low / (CoarseSteps - 1);
        PatternSearch(dims, span, loss, ref best, ref bestLoss);

        // The roofline's max(compute, memory) makes plateaus: where a time is memory-bound the loss does not move with compute,
        // and a pattern search whose window has shrunk cannot see the other side of the kink. Escape by searching each factor
        // alone over its whole range, then search the pattern again from there; bounded, so the fit always ends. The line's
        // steps (0.004 in ln) are finer than the basin behind a plateau whose residual exceeds 0.2%.
        for (int escape = 0; escape < MaxEscapes && dims > 1; escape++)
        {
            bool improved = false;
            for (int d = 0; d < dims; d++)
            {
                double[] from = best;
                int axis = d;
                double[] line = [from[d]];
                double lineLoss = double.PositiveInfinity;
                Func<double[], double> along = x =>
                {
                    double[] y = (double[])from.Clone();
                    y[axis] = x[0];
                    return loss(y);
                };
                Search(1, LineSteps, i => low + (-low * i / (LineSteps - 1)), along, ref line, ref lineLoss);
                PatternSearch(1, span, along, ref line, ref lineLoss);
                if (lineLoss < bestLoss * (1 - 1e-9))
                {
                    best = (double[])from.Clone();
                    best[d] = line[0];
                    bestLoss = lineLoss;
                    improved = true;
                }
            }

            if (!improved)
            {
                break;
            }

            PatternSearch(dims, span, loss, ref best, ref bestLoss);
        }

        // A factor the loss does not move with is not determined by the data: keep the starting value when that costs nothing.
        fitted = new bool[dims];
        for (int d = 0; d < dims; d++)
        {
            fitted[d] = Moves(best, d, loss, bestLoss);
            if (!fitted[d] && keep is not null)
            {
                double[] kept = (double[])best.Clone();
                kept[d] = keep[d];
                if (loss(kept) <= bestLoss * (1 + 1e-9) + 1e-15)
                {
                    best = kept;
                }
            }
        }

        return best;
    }

    /// <summary>Pattern search: a window of ±<paramref name="span"/> around the best point; it shrinks 4× unless the best moved to
    /// its edge (then it follows the valley at the same size). Bounded, so the fit always ends.</summary>
    private static void PatternSearch(int dims, double span, Func<double[], double> loss, ref double[] best, ref double bestLoss)
    {
        for (int round = 0; round < MaxFineRounds && span > 1e-7; round++)
        {
            double[] center = (double[])best.Clone();
            double s = span;
            Search(dims, FineSteps, i => (i - ((FineSteps - 1) / 2.0)) * s / ((FineSteps - 1) / 2.0), loss, center, ref best, ref bestLoss);
            bool atEdge = false;
            for (int d = 0; d < dims; d++)
            {
                atEdge |= Math.Abs(best[d] - center[d]) > span * 0.99;
            }

            span = atEdge ? span : span / 4;
        }
    }

    private static void Search(int dims, int steps, Func<int, double> at, Func<double[], double> loss, ref double[] best, ref double bestLoss) =>
        Search(dims, steps, at, loss, new double[dims], ref best, ref bestLoss);

    private static void Search(int dims, int steps, Func<int, double> at, Func<double[], double> loss, double[] center, ref double[] best, ref double bestLoss)
    {
        int total = (int)Math.Pow(steps, dims);
        double[] x = new double[dims];
        for (int k = 0; k < total; k++)
        {
            int rest = k;
            bool inside = true;
            for (int d = 0; d < dims; d++)
            {
                x[d] = center[d] + at(rest % steps);
                rest /= steps;
                inside &= x[d] <= 1e-12 && x[d] >= Math.Log(LowestEfficiency) - 1e-12;
            }

            if (!inside)
            {
                continue;
            }

            double l = loss(x);
            if (l < bestLoss)
            {
                bestLoss = l;
                best = (double[])x.Clone();
            }
        }
    }

    private static bool Moves(double[] at, int d, Func<double[], double> loss, double atLoss)
    {
        foreach (double step in new[] { -0.05, 0.05 })
        {
            double[] x = (double[])at.Clone();
            x[d] = Math.Min(0, x[d] + step);
            if (Math.Abs(loss(x) - atLoss) > (1e-9 * atLoss) + 1e-15)
            {
                return true;
            }
        }

        return false;
    }

    private static double Start(EfficiencyFactors start, int d, Dimensions third) => d switch
    {
        0 => start.Compute,
        1 => start.Bandwidth,
        _ => third == Dimensions.PrefillRatio ? 1 / Math.Max(1, start.LongPrefillRatio) : start.Communication,
    };

    // `with` keeps the start's other settings (prefill half-tokens, weight-only read rates) in every candidate.
    private static EfficiencyFactors Factors(double[] logs, EfficiencyFactors start, Dimensions third) => start with
    {
        Compute = Math.Min(1, Math.Exp(logs[0])),
        Bandwidth = Math.Min(1, Math.Exp(logs[1])),
        Communication = third == Dimensions.Communication ? Math.Min(1, Math.Exp(logs[2])) : start.Communication,
        LongPrefillRatio = third == Dimensions.PrefillRatio ? Math.Exp(-logs[2]) : start.LongPrefillRatio,
    };

    private static double Objective(in ModelProfile profile, IReadOnlyList<CalibrationSet> sets, EfficiencyFactors f)
    {
        double sum = 0;
        foreach (CalibrationSet set in sets)
        {
            sum += Objective(profile, set.Deployment, set.Points, f);
        }

        return sum;
    }

    private static double Objective(in ModelProfile profile, InferenceDeployment deployment, IReadOnlyList<CalibrationPoint> points, EfficiencyFactors f)
    {
        var setup = new ServingSetup(profile, deployment, f);
        double sum = 0;
        foreach (CalibrationPoint p in points)
        {
            if (p.Ttft is { } t)
            {
                double e = Math.Log(Ttft(setup, p) / t.Seconds);
                sum += e * e;
            }

            if (p.DecodeStep is { } s)
            {
                double e = Math.Log(Decode(setup, p) / s.Seconds);
                sum += e * e;
            }
        }

        return sum;
    }

    private sealed record Stage(EfficiencyFactors Factors, bool[] Fitted, double Loss);

    private static double Ttft(in ServingSetup s, CalibrationPoint p) => InferenceKernel.Prefill(s, p.InputTokens).Seconds;

    /// <summary>The cost model's TPOT: one decode step at batch = concurrency ÷ active replicas, context = input + output ÷ 2.</summary>
    private static double Decode(in ServingSetup s, CalibrationPoint p)
    {
        int active = Math.Min(s.Replicas, p.Concurrency);
        return InferenceKernel.Decode(s, (double)p.Concurrency / active, p.InputTokens + (p.OutputTokens / 2.0)).Seconds;
    }
}
