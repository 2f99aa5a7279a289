using Burnrate.Core.Models;
using Burnrate.Core.Quantities;

namespace Burnrate.Core.Inference;

/// <summary>
/// The roofline step times of one model replica (docs/infer.md): the prefill of a prompt and one decode step of a batch.
/// A simulator of continuous batching uses it as its clock; <see cref="InferenceEstimator"/> uses the same kernel.
/// </summary>
public sealed class StepTimer
{
    private readonly ServingSetup _setup;

    /// <summary>Initializes a new instance of the <see cref="StepTimer"/> class.</summary>
    /// <param name="model">The architecture.</param>
    /// <param name="deployment">The deployment; must pass <see cref="InferenceDeployment.Validate"/>. Times are per replica (TP × PP devices).</param>
    /// <param name="efficiency">The efficiency factors.</param>
    /// <exception cref="ArgumentException">The deployment is invalid.</exception>
    public StepTimer(ModelArchitecture model, InferenceDeployment deployment, EfficiencyFactors efficiency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(efficiency);
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } bad)
        {
            throw new ArgumentException(bad, nameof(deployment));
        }

        _setup = new ServingSetup(new ModelProfile(model), deployment, efficiency);
    }

    /// <summary>Gets the time of one prefill pass over <paramref name="promptTokens"/> tokens on one replica
    /// (2·N FLOP per token plus causal attention, or the weight read when memory-bound; docs/infer.md "Prefill").</summary>
    /// <param name="promptTokens">Prompt tokens in the pass (≥ 1). Several prompts prefilled together are timed as one
    /// prompt of their total length, which overstates their attention FLOP (quadratic in the length).</param>
    /// <returns>The prefill time.</returns>
    public Duration Prefill(int promptTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(promptTokens, 1);
        return Duration.FromSeconds(InferenceKernel.Prefill(_setup, promptTokens).Seconds);
    }

    /// <summary>Gets the time of one decode step of one replica: max(compute, memory) + communication (docs/infer.md "Decode").</summary>
    /// <param name="batch">Sequences in the step (≥ 1).</param>
    /// <param name="contextTokens">Context tokens summed over the batch (≥ 0); each sequence is taken at the mean, total ÷ batch.</param>
    /// <returns>The decode step time.</returns>
    public Duration DecodeStep(int batch, long contextTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(contextTokens);
        return Duration.FromSeconds(InferenceKernel.Decode(_setup, batch, (double)contextTokens / batch).Seconds);
    }
}
