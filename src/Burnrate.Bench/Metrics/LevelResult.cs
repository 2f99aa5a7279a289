namespace Burnrate.Bench.Metrics;

/// <summary>The measurements of one load level (docs/metrics.md "Serving measurements", per run). JSON contract of issue 5.</summary>
public sealed record LevelResult
{
    /// <summary>Gets the fixed concurrency, when the level is a concurrency level.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the offered request rate in requests per second, when the level is a rate level.</summary>
    public double? Rate { get; init; }

    /// <summary>Gets "poisson" or "constant" for rate levels.</summary>
    public string? Arrivals { get; init; }

    /// <summary>Gets the requests sent (every recorded request, including those that failed before reaching the server).</summary>
    public int Sent { get; init; }

    /// <summary>Gets the requests that completed.</summary>
    public int Completed { get; init; }

    /// <summary>Gets the requests that failed (sent − completed).</summary>
    public int Failed { get; init; }

    /// <summary>Gets the failed requests by error kind (http_500, reset, timeout, stalled, too_large, cancelled, …).</summary>
    public IReadOnlyDictionary<string, int> ErrorsByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets time to first token: first content chunk − sent.</summary>
    public LatencySummary TtftSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets time to first token measured from when the request was due (includes dispatch lag).</summary>
    public LatencySummary TtftFromScheduleSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets time per output token: (last token − first token) ÷ (output tokens − 1).</summary>
    public LatencySummary TpotSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets inter-token latency: the gaps between content chunks, pooled over requests.</summary>
    public LatencySummary ItlSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets end-to-end latency: done − sent.</summary>
    public LatencySummary E2eSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets end-to-end latency measured from when the request was due.</summary>
    public LatencySummary E2eFromScheduleSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets dispatch lag: sent − due (the client's own lateness).</summary>
    public LatencySummary DispatchLagSeconds { get; init; } = LatencySummary.Empty;

    /// <summary>Gets the measurement window: first sent to last done, in seconds.</summary>
    public double WindowSeconds { get; init; }

    /// <summary>Gets completed requests per second of the window.</summary>
    public double RequestsPerSecond { get; init; }

    /// <summary>Gets the rate at which requests were actually sent, when more than one was.</summary>
    public double? AchievedSendRatePerSecond { get; init; }

    /// <summary>Gets output tokens per second of the window.</summary>
    public double OutputTokensPerSecond { get; init; }

    /// <summary>Gets prompt and output tokens per second of the window.</summary>
    public double TotalTokensPerSecond { get; init; }

    /// <summary>Gets the output tokens of completed requests.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the prompt tokens of completed requests.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets output tokens per streamed content chunk.</summary>
    public double MeanTokensPerChunk { get; init; }

    /// <summary>Gets requests meeting every SLO per second of the window.</summary>
    public double GoodputRequestsPerSecond { get; init; }

    /// <summary>Gets output tokens of requests meeting every SLO per second of the window.</summary>
    public double GoodputOutputTokensPerSecond { get; init; }

    /// <summary>Gets the completed requests that met every SLO.</summary>
    public int MetSlo { get; init; }

    /// <summary>Gets "server" when every completed request had the server's usage count, else "tokenizer".</summary>
    public string OutputTokensSource { get; init; } = "tokenizer";

    /// <summary>Gets the number of completed requests whose server and tokenizer output counts differ.</summary>
    public int OutputTokenCountMismatches { get; init; }

    /// <summary>Gets "server" when every completed request had the server's prompt count, else "tokenizer".</summary>
    public string InputTokensSource { get; init; } = "tokenizer";

    /// <summary>Gets the deployment's cost over the window per million output tokens, in US dollars.</summary>
    public double? CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the deployment's cost over the window per million prompt and output tokens, in US dollars.</summary>
    public double? CostPerMillionTotalTokensUsd { get; init; }

    /// <summary>Gets the deployment's cost over the window per completed request, in US dollars.</summary>
    public double? CostPerRequestUsd { get; init; }

    /// <summary>Gets the deployment's cost over the window per million output tokens of requests meeting every SLO.</summary>
    public double? CostPerMillionOutputTokensAtGoodputUsd { get; init; }

    /// <summary>Gets the cost model's prediction for this level (bench --model-id), or null.</summary>
    public LevelPrediction? Prediction { get; init; }
}
