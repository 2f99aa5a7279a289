namespace Burnrate.Core.Models;

/// <summary>The shape of a feed-forward block.</summary>
public enum FfnKind
{
    /// <summary>Gated (SwiGLU/GeGLU): gate, up and down projections, 3·h·f weights.</summary>
    Gated,

    /// <summary>Plain two-matrix MLP (e.g. GPT-3 GELU): up and down, 2·h·f weights.</summary>
    Plain,
}
