namespace Burnrate.Planning.Scenario;

/// <summary>The shape of an uncertain driver.</summary>
public enum DistributionKind
{
    /// <summary>Normal: mean, sd.</summary>
    Normal,

    /// <summary>Log-normal: mu and sigma of the logarithm (or median = e^mu).</summary>
    LogNormal,

    /// <summary>Triangular: min, mode, max.</summary>
    Triangular,

    /// <summary>PERT: a Beta on [min, max] with α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min) (Vose, Risk Analysis, 2008).</summary>
    Pert,

    /// <summary>Uniform: min, max.</summary>
    Uniform,

    /// <summary>Discrete: values with probabilities.</summary>
    Discrete,
}
