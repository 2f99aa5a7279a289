namespace Burnrate.Core.Training;

/// <summary>
/// Activation recomputation (checkpointing) policy, as in Korthikanti et al. 2022, "Reducing Activation Recomputation in
/// Large Transformer Models" (arXiv 2205.05198), sections 4 and 5.
/// </summary>
public enum RecomputeMode
{
    /// <summary>Every activation is stored for the backward pass.</summary>
    None,

    /// <summary>Only the attention score, softmax and dropout activations (the 5·a·s/h term) are recomputed.</summary>
    Selective,

    /// <summary>Only each layer's input is stored; the whole forward pass of every layer is recomputed.</summary>
    Full,
}
