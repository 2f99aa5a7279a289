using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>Memory one device holds during training, by kind.</summary>
/// <param name="Weights">Model weights (16-bit copy used by forward and backward).</param>
/// <param name="Gradients">Gradients (16-bit).</param>
/// <param name="OptimizerStates">Optimizer states: fp32 master weights, Adam momentum and variance.</param>
/// <param name="Activations">Activations stored for the backward pass.</param>
public sealed record MemoryBreakdown(Bytes Weights, Bytes Gradients, Bytes OptimizerStates, Bytes Activations)
{
    /// <summary>Gets the sum of all kinds.</summary>
    public Bytes Total => Weights + Gradients + OptimizerStates + Activations;
}
