namespace Burnrate.Core.Models;

/// <summary>The normalization layer, which decides whether it carries a bias.</summary>
public enum NormKind
{
    /// <summary>RMSNorm: a weight vector only.</summary>
    Rms,

    /// <summary>LayerNorm: weight and bias vectors.</summary>
    Layer,
}
