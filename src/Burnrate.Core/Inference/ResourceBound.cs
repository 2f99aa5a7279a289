namespace Burnrate.Core.Inference;

/// <summary>The resource that sets a step's time in the roofline model.</summary>
public enum ResourceBound
{
    /// <summary>Reading weights and KV cache from device memory takes longest.</summary>
    Memory,

    /// <summary>Matrix multiplies take longest.</summary>
    Compute,

    /// <summary>Tensor-/expert-parallel communication takes longer than compute or memory.</summary>
    Communication,
}
