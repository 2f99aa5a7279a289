namespace Burnrate.Core.Inference;

/// <summary>The outcome of a search: counts, why configurations failed (a configuration may fail several ways), the cheapest and the frontier.</summary>
public sealed record SearchResult
{
    /// <summary>Gets the configurations evaluated.</summary>
    public required long Evaluated { get; init; }

    /// <summary>Gets the configurations that met every limit.</summary>
    public required long Feasible { get; init; }

    /// <summary>Gets the configurations that did not fit in memory.</summary>
    public required long FailedMemory { get; init; }

    /// <summary>Gets the configurations whose TTFT exceeded the SLO.</summary>
    public required long FailedTtft { get; init; }

    /// <summary>Gets the configurations whose TPOT exceeded the SLO.</summary>
    public required long FailedTpot { get; init; }

    /// <summary>Gets the configurations over the hourly budget.</summary>
    public required long FailedBudget { get; init; }

    /// <summary>Gets the cheapest feasible configurations per request, at most one (its best concurrency) per hardware setup, cheapest first.</summary>
    public required IReadOnlyList<SearchCandidate> Cheapest { get; init; }

    /// <summary>Gets the cost–latency Pareto frontier of the feasible configurations: TPOT ascending, cost per request strictly falling.</summary>
    public required IReadOnlyList<SearchCandidate> Pareto { get; init; }
}
