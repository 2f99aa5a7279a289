using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;

namespace Burnrate.Bench.Calibration;

/// <summary>What <see cref="BenchCalibration.Calibrate"/> fits: a bench result and the deployment that served it.</summary>
public sealed record CalibrationRequest
{
    /// <summary>Gets the bench result to fit.</summary>
    public required BenchResult Result { get; init; }

    /// <summary>Gets where the result was read from (recorded in the calibration file and shown).</summary>
    public required string ResultPath { get; init; }

    /// <summary>Gets the model that was served.</summary>
    public required ModelArchitecture Model { get; init; }

    /// <summary>Gets the deployment it was served on.</summary>
    public required InferenceDeployment Deployment { get; init; }

    /// <summary>Gets how the deployment was resolved (defaults and their sources).</summary>
    public IReadOnlyList<Assumption> DeploymentAssumptions { get; init; } = [];

    /// <summary>Gets the calibration file to write.</summary>
    public required string OutPath { get; init; }

    /// <summary>Gets the weight precision as infer's --weights takes it, for the suggested command.</summary>
    public required string WeightsName { get; init; }

    /// <summary>Gets the KV-cache precision as infer's --kv takes it, for the suggested command.</summary>
    public required string KvName { get; init; }

    /// <summary>Gets more bench runs of the same model on the same hardware at other weight precisions (one deployment each):
    /// with a run whose weights are read at the 16-bit rate beside int8 or int4 weight-only runs, their read rates are fitted.</summary>
    public IReadOnlyList<CalibrationRun> AdditionalRuns { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether a poor fit (rms log error above <see cref="BenchCalibration.PoorFitRmsLogError"/>) is
    /// still written; without it a poor fit is an input error and nothing is written.
    /// </summary>
    public bool Force { get; init; }
}

/// <summary>One more bench run for <see cref="CalibrationRequest.AdditionalRuns"/>.</summary>
/// <param name="Result">The bench result.</param>
/// <param name="ResultPath">Where it was read from.</param>
/// <param name="Deployment">The deployment that served it (same model and hardware, its own weight precision).</param>
/// <param name="WeightsName">Its weight precision as infer's --weights takes it.</param>
public sealed record CalibrationRun(BenchResult Result, string ResultPath, InferenceDeployment Deployment, string WeightsName);
