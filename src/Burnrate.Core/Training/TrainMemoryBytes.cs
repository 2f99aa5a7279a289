namespace Burnrate.Core.Training;

/// <summary>Memory one device holds during training, in bytes, by kind.</summary>
/// <param name="Weights">Weights.</param>
/// <param name="Gradients">Gradients.</param>
/// <param name="OptimizerStates">Optimizer states (fp32 master weights, Adam m and v).</param>
/// <param name="Activations">Activations kept for the backward pass.</param>
public sealed record TrainMemoryBytes(double Weights, double Gradients, double OptimizerStates, double Activations)
{
    /// <summary>Reports a breakdown.</summary>
    /// <param name="memory">The breakdown.</param>
    /// <returns>Its bytes.</returns>
    public static TrainMemoryBytes From(MemoryBreakdown memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return new(memory.Weights.Value, memory.Gradients.Value, memory.OptimizerStates.Value, memory.Activations.Value);
    }
}
