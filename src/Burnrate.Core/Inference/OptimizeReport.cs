using System.Text.Json.Serialization;
using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>
/// The answer of <c>burnrate optimize</c> and <c>POST /api/optimize</c>: how many configurations were searched and why the
/// others failed, the cheapest feasible configuration overall and per model, the cheapest per hardware setup, the
/// cost–latency Pareto frontier and the assumptions. Every configuration's figures come from <see cref="InferenceEstimator"/>.
/// </summary>
public sealed record OptimizeReport
{
    /// <summary>Gets the configurations evaluated.</summary>
    public required long Evaluated { get; init; }

    /// <summary>Gets the configurations that met every limit.</summary>
    public required long Feasible { get; init; }

    /// <summary>Gets the counts of configurations that failed each limit.</summary>
    public required OptimizeRejections Rejected { get; init; }

    /// <summary>Gets the wall-clock time of the search in seconds.</summary>
    public required double SearchSeconds { get; init; }

    /// <summary>Gets the cheapest feasible configuration per request, or null when none meets every limit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public OptimizeConfiguration? Best { get; init; }

    /// <summary>Gets, when several models were searched, each model's cheapest feasible configuration (null for a model with
    /// none), keyed by model id in the order the models were given; null when one model was searched.</summary>
    [JsonConverter(typeof(VerbatimKeysJsonConverter<OptimizeConfiguration>))]
    public IReadOnlyDictionary<string, OptimizeConfiguration?>? BestByModel { get; init; }

    /// <summary>Gets the cheapest feasible configurations, one per hardware setup at its cheapest concurrency, cheapest first.</summary>
    public required IReadOnlyList<OptimizeConfiguration> Cheapest { get; init; }

    /// <summary>Gets the cost–latency Pareto frontier: TPOT ascending, cost per request strictly falling.</summary>
    public required IReadOnlyList<OptimizeConfiguration> Pareto { get; init; }

    /// <summary>Gets the assumptions, each with its value and source, in display order.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets the service-level objective searched for (shown in tables; the JSON states it as assumptions).</summary>
    [JsonIgnore]
    public ServiceLevelObjective Slo { get; init; }

    /// <summary>Gets the prompt tokens per request searched for (shown in chart titles; the JSON states it as an assumption).</summary>
    [JsonIgnore]
    public int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per request searched for (shown in chart titles; the JSON states it as an assumption).</summary>
    [JsonIgnore]
    public int OutputTokens { get; init; }

    /// <summary>Reports a search: re-estimates each kept candidate with <see cref="InferenceEstimator"/>.</summary>
    /// <param name="space">The space searched.</param>
    /// <param name="result">The result of <see cref="InferenceSearch.Run(SearchSpace)"/> on it.</param>
    /// <param name="elapsed">The search's wall-clock time.</param>
    /// <param name="assumptions">The assumptions to state.</param>
    /// <returns>The report (without <see cref="BestByModel"/>).</returns>
    public static OptimizeReport From(SearchSpace space, SearchResult result, Duration elapsed, IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(result);
        List<OptimizeConfiguration> cheapest = [.. result.Cheapest.Select(c => OptimizeConfiguration.From(space, c).Configuration)];
        return new OptimizeReport
        {
            Evaluated = result.Evaluated,
            Feasible = result.Feasible,
            Rejected = new OptimizeRejections(result.FailedMemory, result.FailedTtft, result.FailedTpot, result.FailedBudget),
            SearchSeconds = elapsed.Seconds,
            Best = cheapest.Count > 0 ? cheapest[0] : null,
            Cheapest = cheapest,
            Pareto = [.. result.Pareto.Select(c => OptimizeConfiguration.From(space, c).Configuration)],
            Assumptions = assumptions,
            Slo = space.Slo,
            InputTokens = space.InputTokens,
            OutputTokens = space.OutputTokens,
        };
    }
}
