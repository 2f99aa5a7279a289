namespace Burnrate.Bench.Metrics;

/// <summary>Service-level objectives a request must all meet to count toward goodput (null = not set).</summary>
/// <param name="TtftSeconds">The time-to-first-token objective in seconds.</param>
/// <param name="TpotSeconds">The time-per-output-token objective in seconds.</param>
/// <param name="E2eSeconds">The end-to-end latency objective in seconds.</param>
public sealed record SloSettings(double? TtftSeconds, double? TpotSeconds, double? E2eSeconds)
{
    /// <summary>No objective.</summary>
    public static readonly SloSettings None = new(null, null, null);

    /// <summary>Gets whether any objective is set (not part of the JSON contract).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Any => TtftSeconds is not null || TpotSeconds is not null || E2eSeconds is not null;

    /// <summary>Whether a completed request with these latencies meets every SLO given (TPOT is waived for single-token outputs).</summary>
    public bool Met(double? ttft, double? tpot, double e2e) =>
        (TtftSeconds is not { } t || (ttft is { } a && a <= t))
        && (TpotSeconds is not { } p || tpot is not { } b || b <= p)
        && (E2eSeconds is not { } e || e2e <= e);
}
