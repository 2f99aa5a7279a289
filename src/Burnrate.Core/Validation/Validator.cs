using Burnrate.Core.Inference;
using Burnrate.Core.Training;

namespace Burnrate.Core.Validation;

/// <summary>Runs the cost model over published measurements and summarizes how far it is from them (docs/validate.md).</summary>
public static class Validator
{
    /// <summary>Predicts every case and summarizes the errors per group.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="efficiency">The serving efficiency factors used for inference cases.</param>
    /// <returns>The report: groups ordered by name, outcomes in case order.</returns>
    /// <exception cref="ArgumentException">A case holds neither a complete inference setup nor a training run.</exception>
    public static ValidationReport Run(IEnumerable<ValidationCase> cases, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(efficiency);
        var outcomes = cases.Select(c => new ValidationOutcome(c, Predict(c, efficiency))).ToList();
        var groups = outcomes
            .GroupBy(o => o.Case.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(Summarize)
            .ToList();
        return new ValidationReport(groups, outcomes);
    }

    /// <summary>Predicts the figure a case measured.</summary>
    /// <param name="c">The case.</param>
    /// <param name="efficiency">The serving efficiency factors.</param>
    /// <returns>The predicted value, in the unit of the case's metric.</returns>
    /// <exception cref="ArgumentException">The case holds neither a complete inference setup nor a training run.</exception>
    public static double Predict(ValidationCase c, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Run is { } run)
        {
            TrainingEstimate t = TrainingEstimator.Estimate(run);
            return c.Metric switch
            {
                ValidationMetric.GpuHours => t.GpuHours.Value,
                ValidationMetric.ModelTflopsPerDevice => t.ModelFlops.Value / (run.Devices * t.RunningTime.Seconds) / 1e12,
                _ => throw new ArgumentException($"case '{c.Id}': metric {c.Metric} is not a training figure", nameof(c)),
            };
        }

        if (c is not { Model: { } model, Deployment: { } deployment, Workload: { } workload })
        {
            throw new ArgumentException($"case '{c.Id}' has neither a training run nor a model, deployment and workload", nameof(c));
        }

        InferenceResult r = InferenceEstimator.Estimate(model, deployment, workload, efficiency);
        return c.Metric switch
        {
            ValidationMetric.DecodeTokensPerSecond => 1 / r.Tpot.Seconds,
            ValidationMetric.TtftMs => r.Ttft.Seconds * 1e3,
            ValidationMetric.PrefillTokensPerSecond => workload.InputTokens / r.Ttft.Seconds,
            ValidationMetric.OutputTokensPerSecond => r.OutputTokensPerSecond,
            _ => throw new ArgumentException($"case '{c.Id}': metric {c.Metric} is not an inference figure", nameof(c)),
        };
    }

    /// <summary>Gets the median of the values (mean of the middle two for an even count).</summary>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The median.</returns>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static ValidationGroup Summarize(IGrouping<string, ValidationOutcome> group)
    {
        ValidationOutcome worst = group.MaxBy(o => Math.Abs(o.ErrorPercent))!;
        return new ValidationGroup(group.Key, group.Count(), Median(group.Select(o => Math.Abs(o.ErrorPercent))), worst.Case.Id, worst.ErrorPercent);
    }
}
