namespace Burnrate.Planning.Scenario;

/// <summary>A rank correlation between two uncertain drivers, applied through a Gaussian copula.</summary>
/// <param name="First">The first driver's index.</param>
/// <param name="Second">The second driver's index.</param>
/// <param name="Rho">The correlation of the underlying normals, in [-1, 1].</param>
public sealed record Correlation(int First, int Second, double Rho);
