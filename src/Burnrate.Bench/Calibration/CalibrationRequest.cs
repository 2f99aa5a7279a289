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

    /// <summary>
    /// Gets a value indicating whether a poor fit (rms log error above <see cref="BenchCalibration.PoorFitRmsLogError"/>) is
    /// still written; without it a poor fit is an input error and nothing is written.
    /// </summary>
    public bool Force { get; init; }
}
