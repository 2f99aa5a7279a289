namespace Burnrate.Bench.Metrics;

/// <summary>The measurements of one load level (METRICS.md "Serving measurements", per run). JSON contract of issue 5.</summary>
internal sealed record LevelResult
{
    /// <summary>Gets the fixed concurrency, when the level is a concurrency level.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the offered request rate in requests per second, when the level is a rate level.</summary>
    public double? Rate { get; init; }

    /// <summary>Gets "poisson" or "constant" for rate levels.</summary>
    public string? Arrivals { get; init; }

    public int Sent { get; init; }

    public int Completed { get; init; }

    public int Failed { get; init; }

    public IReadOnlyDictionary<string, int> ErrorsByKind { get; init; } = new Dictionary<string, int>();

    public LatencySummary TtftSeconds { get; init; } = LatencySummary.Empty;

    public LatencySummary TtftFromScheduleSeconds { get; init; } = LatencySummary.Empty;

    public LatencySummary TpotSeconds { get; init; } = LatencySummary.Empty;

    public LatencySummary ItlSeconds { get; init; } = LatencySummary.Empty;

    public LatencySummary E2eSeconds { get; init; } = LatencySummary.Empty;

    public LatencySummary E2eFromScheduleSeconds { get; init; } = LatencySummary.Empty;

    public LatencySummary DispatchLagSeconds { get; init; } = LatencySummary.Empty;

    public double WindowSeconds { get; init; }

    public double RequestsPerSecond { get; init; }

    public double? AchievedSendRatePerSecond { get; init; }

    public double OutputTokensPerSecond { get; init; }

    public double TotalTokensPerSecond { get; init; }

    public long OutputTokens { get; init; }

    public long InputTokens { get; init; }

    public double MeanTokensPerChunk { get; init; }

    public double GoodputRequestsPerSecond { get; init; }

    public double GoodputOutputTokensPerSecond { get; init; }

    public int MetSlo { get; init; }

    public string OutputTokensSource { get; init; } = "tokenizer";

    /// <summary>Gets the number of completed requests whose server and tokenizer output counts differ.</summary>
    public int OutputTokenCountMismatches { get; init; }

    public string InputTokensSource { get; init; } = "tokenizer";

    public double? CostPerMillionOutputTokensUsd { get; init; }

    public double? CostPerMillionTotalTokensUsd { get; init; }

    public double? CostPerRequestUsd { get; init; }

    public double? CostPerMillionOutputTokensAtGoodputUsd { get; init; }

    /// <summary>Gets the cost model's prediction for this level (bench --model-id), or null.</summary>
    public LevelPrediction? Prediction { get; init; }
}
