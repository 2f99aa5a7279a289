using Burnrate.Catalog.Resolution;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Services;

/// <summary>
/// What <see cref="InferService.Run"/> estimates: a deployment (ids plus optional overrides), the request shape and
/// concurrency, the efficiency factors, and optionally a concurrency sweep and configurations to compare. Null fields take
/// the sourced defaults of <see cref="ServingDefaults"/>, and the report says which values were defaults.
/// </summary>
public sealed record InferRequest
{
    /// <summary>The most concurrencies one sweep takes (<see cref="SweepConcurrency"/>): each is one more estimate and one more row.</summary>
    public const int MaxSweepConcurrencies = 256;

    /// <summary>The most configurations one comparison takes (<see cref="Compare"/>).</summary>
    public const int MaxCompare = 32;

    /// <summary>Gets the deployment: model, accelerator, layout, precisions, memory reserve, power, collective latency, price.</summary>
    public required DeploymentRequest Deployment { get; init; }

    /// <summary>Gets the prompt tokens per request (default <see cref="ServingDefaults.InputTokens"/>).</summary>
    public int? InputTokens { get; init; }

    /// <summary>Gets the generated tokens per request (default <see cref="ServingDefaults.OutputTokens"/>).</summary>
    public int? OutputTokens { get; init; }

    /// <summary>Gets the requests decoding together across the deployment (default <see cref="ServingDefaults.Concurrency"/>).</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the achieved ÷ peak FLOP/s in (0, 1], or null for the default.</summary>
    public double? ComputeEfficiency { get; init; }

    /// <summary>Gets the achieved ÷ peak memory bandwidth in (0, 1], or null for the default.</summary>
    public double? BandwidthEfficiency { get; init; }

    /// <summary>Gets the achieved ÷ peak interconnect bandwidth in (0, 1], or null for the default.</summary>
    public double? CommunicationEfficiency { get; init; }

    /// <summary>Gets the path of a burnrate-calibration JSON file with the three factors (excludes them), or null.</summary>
    public string? CalibrationFile { get; init; }

    /// <summary>Gets the concurrencies to sweep the first configuration over (empty: no sweep).</summary>
    public IReadOnlyList<int> SweepConcurrency { get; init; } = [];

    /// <summary>Gets the configurations to show beside the first one (empty: no comparison).</summary>
    public IReadOnlyList<InferCompareTarget> Compare { get; init; } = [];

    /// <summary>Gets whether to split the first configuration's decode step and prefill by part (<c>--breakdown</c>).</summary>
    public bool Breakdown { get; init; }

    /// <summary>Checks every field against its documented finite range (ids are checked against the catalog when running).</summary>
    /// <returns>Every bad field; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var checks = new FieldChecks()
            .Whole("input", InputTokens, 1, 10_000_000, "tokens")
            .Whole("output", OutputTokens, 1, 10_000_000, "tokens")
            .Whole("concurrency", Concurrency, 1, 1_000_000)
            .Fraction("computeEfficiency", ComputeEfficiency)
            .Fraction("bandwidthEfficiency", BandwidthEfficiency)
            .Fraction("communicationEfficiency", CommunicationEfficiency)
            .Require(
                CalibrationFile is null || (ComputeEfficiency is null && BandwidthEfficiency is null && CommunicationEfficiency is null),
                "calibration", CalibrationFile ?? "", "either a calibration file or efficiency factors, not both");
        checks.AtMost("sweepConcurrency", SweepConcurrency, MaxSweepConcurrencies, "in one sweep (one estimate and one row each)", out bool sweepFits)
            .AtMost("compare", Compare, MaxCompare, "in one comparison (one estimate and one column each)", out bool compareFits);
        foreach (int c in sweepFits ? SweepConcurrency ?? [] : [])
        {
            checks.Whole("sweepConcurrency", c, 1, 1_000_000);
        }

        foreach (InferCompareTarget target in compareFits ? Compare ?? [] : [])
        {
            checks.Require(!string.IsNullOrWhiteSpace(target.Model), "compare", target.Model ?? "", "a catalog model id or a config.json path")
                .Require(!string.IsNullOrWhiteSpace(target.Gpu), "compare", target.Gpu ?? "", "a catalog accelerator id")
                .Whole("compare", target.Gpus, 1, 1_000_000);
            Precisions.Check(checks, "compare", target.Weights, ServingDefaults.WeightFormats);
        }

        return Deployment is null
            ? checks.Add("deployment", "", "a model and an accelerator")
            : checks.AddRange(Deployment.Validate());
    }
}
