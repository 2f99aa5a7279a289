namespace Burnrate.Bench.Metrics;

/// <summary>What the infer cost model predicts for a concurrency level, shown beside the measurement (base units).</summary>
public sealed record LevelPrediction
{
    /// <summary>Gets the prompt and output tokens per request the prediction used (the level's means).</summary>
    public int InputTokens { get; init; }

    /// <summary>Gets the output tokens per request the prediction used (the level's mean).</summary>
    public int OutputTokens { get; init; }

    /// <summary>Gets the predicted TTFT: the prefill of the request alone (no queueing).</summary>
    public double TtftSeconds { get; init; }

    /// <summary>Gets the predicted TPOT: one decode step at the level's batch (no prefill interruptions).</summary>
    public double TpotSeconds { get; init; }

    /// <summary>Gets the predicted end-to-end latency.</summary>
    public double E2eSeconds { get; init; }

    /// <summary>Gets the predicted completed requests per second.</summary>
    public double RequestsPerSecond { get; init; }

    /// <summary>Gets the predicted output tokens per second.</summary>
    public double OutputTokensPerSecond { get; init; }

    /// <summary>Gets the deployment price per hour ÷ predicted output tokens per second, as the measured cost is defined; null without a price.</summary>
    public double? CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the model, deployment and efficiency the prediction used.</summary>
    public string Source { get; init; } = "";
}
