using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Burnrate.Core.Inference;

/// <summary>One configuration <c>optimize</c> found: the estimator's figures for it (re-estimated with
/// <see cref="InferenceEstimator"/>, as infer would show it) plus the all-in cost per 1M output tokens.</summary>
public sealed record OptimizeConfiguration : InferEstimate
{
    /// <summary>Initializes a new instance of the <see cref="OptimizeConfiguration"/> class.</summary>
    public OptimizeConfiguration()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OptimizeConfiguration"/> class from an estimate.</summary>
    /// <param name="estimate">The configuration's estimate.</param>
    /// <param name="allIn">The cost per request ÷ output tokens × 1M, in USD.</param>
    [SetsRequiredMembers]
    public OptimizeConfiguration(InferEstimate estimate, double? allIn)
        : base(estimate)
    {
        CostPerMillionOutputTokensAllInUsd = allIn;
    }

    /// <summary>Gets the all-in cost per 1M output tokens in USD: the cost of a request (prefill and decode) ÷ its output tokens × 1M.</summary>
    [JsonPropertyOrder(1)]
    public double? CostPerMillionOutputTokensAllInUsd { get; init; }

    /// <summary>Reports a search candidate: estimates it with <see cref="InferenceEstimator"/> on the deployment
    /// <see cref="InferenceSearch.Deployment"/> builds for it.</summary>
    /// <param name="space">The search space the candidate came from.</param>
    /// <param name="candidate">The candidate.</param>
    /// <returns>The configuration and the estimator's result (for its assumptions).</returns>
    public static (OptimizeConfiguration Configuration, InferenceResult Result) From(SearchSpace space, SearchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(space);
        InferenceDeployment deployment = InferenceSearch.Deployment(space, candidate);
        var workload = new InferenceWorkload(space.InputTokens, space.OutputTokens, candidate.Concurrency);
        InferenceResult result = InferenceEstimator.Estimate(space.Models[candidate.Model], deployment, workload, space.Efficiency);
        InferEstimate estimate = InferEstimate.From(space.Models[candidate.Model].Id, deployment, workload, result);
        return (new OptimizeConfiguration(estimate, estimate.CostPerRequestUsd / space.OutputTokens * 1e6), result);
    }
}
