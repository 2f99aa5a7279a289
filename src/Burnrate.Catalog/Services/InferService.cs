using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Services;

/// <summary>
/// The infer use case, shared by <c>burnrate infer</c> and <c>POST /api/infer</c>: validates an <see cref="InferRequest"/>,
/// resolves its deployments with <see cref="DeploymentResolver"/>, runs <see cref="InferenceEstimator"/> and reports the
/// results as an <see cref="InferReport"/> (figures copied from the estimator; infeasible configurations not priced).
/// </summary>
public static class InferService
{
    /// <summary>Runs the request.</summary>
    /// <param name="catalog">The catalog that resolves ids and prices.</param>
    /// <param name="request">The request.</param>
    /// <returns>The report: the first configuration, its assumptions, and the sweep and comparison when asked for.</returns>
    /// <exception cref="InputException">A field is out of range, a price is missing, or a layout is invalid.</exception>
    /// <exception cref="CatalogException">An id is unknown, or a config.json or calibration file cannot be read.</exception>
    public static InferReport Run(BurnrateCatalog catalog, InferRequest request)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        InputException.ThrowIfAny(request.Validate());
        var assumptions = new List<Assumption>();
        int input = request.InputTokens ?? ServingDefaults.InputTokens;
        int output = request.OutputTokens ?? ServingDefaults.OutputTokens;
        int concurrency = request.Concurrency ?? ServingDefaults.Concurrency;
        assumptions.Add(new Assumption("input", NumberText.Grouped(input) + " tokens", request.InputTokens is null ? "default" : "user"));
        assumptions.Add(new Assumption("output", NumberText.Grouped(output) + " tokens", request.OutputTokens is null ? "default" : "user"));
        assumptions.Add(new Assumption("concurrency", NumberText.Grouped(concurrency), request.Concurrency is null ? "default: a moderate continuous batch" : "user"));
        (EfficiencyFactors efficiency, IReadOnlyList<Assumption> named) = EfficiencyResolver.Resolve(
            request.ComputeEfficiency, request.BandwidthEfficiency, request.CommunicationEfficiency, request.CalibrationFile);
        assumptions.AddRange(named);
        var workload = new InferenceWorkload(input, output, concurrency);

        ResolvedDeployment first = DeploymentResolver.Resolve(catalog, request.Deployment);
        assumptions.AddRange(first.Assumptions);
        InferenceResult result = InferenceEstimator.Estimate(first.Model, first.Deployment, workload, efficiency);
        assumptions.AddRange(result.Assumptions);
        InferEstimate estimate = InferEstimate.From(first.Model.Id, first.Deployment, workload, result);

        List<InferEstimate>? sweep = request.SweepConcurrency is { Count: > 0 } concurrencies
            ? [.. concurrencies.Distinct().Order().Select(c => Estimate(first, workload with { Concurrency = c }, efficiency))]
            : null;

        List<InferComparison>? compare = null;
        if (request.Compare is { Count: > 0 } targets)
        {
            var estimates = new List<InferEstimate> { estimate };
            foreach (InferCompareTarget target in targets)
            {
                ResolvedDeployment other = DeploymentResolver.Resolve(catalog, request.Deployment with
                {
                    Model = target.Model,
                    Gpu = target.Gpu,
                    Weights = target.Weights,
                    Gpus = target.Gpus ?? request.Deployment.Gpus,
                    TensorParallel = target.Gpus is null ? request.Deployment.TensorParallel : null,
                    Replicas = target.Gpus is null ? request.Deployment.Replicas : null,
                });
                estimates.Add(Estimate(other, workload, efficiency));
            }

            compare = [.. estimates.Select(e => new InferComparison(e, SavingVsFirst(estimate, e)))];
        }

        IReadOnlyList<StepBreakdown>? breakdown = request.Breakdown && result.FitsInMemory
            ? InferenceEstimator.Breakdown(first.Model, first.Deployment, workload, efficiency)
            : null;
        return new InferReport(estimate) { Assumptions = assumptions, Sweep = sweep, Compare = compare, Breakdown = breakdown };
    }

    /// <summary>Gets 1 − cost per request ÷ the first's, or null when either configuration is not priced (does not fit).</summary>
    private static double? SavingVsFirst(InferEstimate first, InferEstimate other) =>
        first.CostPerRequestUsd is { } baseline && other.CostPerRequestUsd is { } cost ? 1 - (cost / baseline) : null;

    private static InferEstimate Estimate(ResolvedDeployment resolved, InferenceWorkload workload, EfficiencyFactors efficiency) =>
        InferEstimate.From(resolved.Model.Id, resolved.Deployment, workload, InferenceEstimator.Estimate(resolved.Model, resolved.Deployment, workload, efficiency));
}
