using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Training;

namespace Burnrate.Core.Validation;

/// <summary>One published measurement with the exact setup it was taken on: an inference case (model, deployment, workload)
/// or a training case (a run). The model predicts the same figure and the two are compared.</summary>
public sealed record ValidationCase
{
    /// <summary>Gets the case id, unique in the set.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the group the case belongs to (decode-batch1, ttft, throughput, training).</summary>
    public required string Group { get; init; }

    /// <summary>Gets what was measured.</summary>
    public required ValidationMetric Metric { get; init; }

    /// <summary>Gets the measured value, in the unit of <see cref="Metric"/>.</summary>
    public required double Measured { get; init; }

    /// <summary>Gets the publication the value comes from (paper table, model card, README, blog post).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the publication date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Gets the serving or training engine, where the source names one.</summary>
    public string? Engine { get; init; }

    /// <summary>Gets a note on the setup (approximations, derived values).</summary>
    public string? Note { get; init; }

    /// <summary>Gets the architecture of an inference case (null for training).</summary>
    public ModelArchitecture? Model { get; init; }

    /// <summary>Gets the deployment of an inference case (null for training).</summary>
    public InferenceDeployment? Deployment { get; init; }

    /// <summary>Gets the workload of an inference case (null for training).</summary>
    public InferenceWorkload? Workload { get; init; }

    /// <summary>Gets the run of a training case (null for inference).</summary>
    public TrainingRun? Run { get; init; }
}
