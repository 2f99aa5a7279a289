using Burnrate.Bench.Metrics;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;

namespace Burnrate.Bench.Calibration;

/// <summary>Puts the infer cost model's prediction beside each measured concurrency level (rate levels have no fixed batch: none).</summary>
internal static class BenchPrediction
{
    public static IReadOnlyList<LevelResult> Add(IReadOnlyList<LevelResult> levels, ModelArchitecture model, InferenceDeployment deployment, EfficiencyFactors efficiency, double? usdPerHour, string source)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return levels.Select(l => l with { Prediction = Predict(l, model, deployment, efficiency, usdPerHour, source) }).ToList();
    }

    public static LevelPrediction? Predict(LevelResult level, ModelArchitecture model, InferenceDeployment deployment, EfficiencyFactors efficiency, double? usdPerHour, string source)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.Concurrency is not { } c || level.Completed == 0)
        {
            return null;
        }

        int input = (int)Math.Max(1, Math.Round((double)level.InputTokens / level.Completed));
        int output = (int)Math.Max(1, Math.Round((double)level.OutputTokens / level.Completed));
        InferenceResult r = InferenceEstimator.Estimate(model, deployment, new InferenceWorkload(input, output, c), efficiency);
        return new LevelPrediction
        {
            InputTokens = input,
            OutputTokens = output,
            TtftSeconds = r.Ttft.Seconds,
            TpotSeconds = r.Tpot.Seconds,
            E2eSeconds = r.E2e.Seconds,
            RequestsPerSecond = r.RequestsPerSecond,
            OutputTokensPerSecond = r.OutputTokensPerSecond,
            CostPerMillionOutputTokensUsd = usdPerHour is { } usd ? usd / 3600 / r.OutputTokensPerSecond * 1e6 : null,
            Source = source,
        };
    }
}
