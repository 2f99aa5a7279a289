namespace Burnrate.Planning.Scenario;

/// <summary>
/// The values a driver accepts, checked for its own value, distribution bounds and preset overrides. Every number in a
/// scenario is finite and within ±1e18 (<see cref="Largest"/>: USD, tokens and counts alike), so no sum can overflow.
/// </summary>
internal readonly record struct DriverRule(double Min, double Max, string Allowed, bool AllowDistribution)
{
    public static readonly DriverRule Any = new(double.NegativeInfinity, double.PositiveInfinity, "a number within ±1e18", true);
    public static readonly DriverRule NonNegative = new(0, double.PositiveInfinity, "a number in [0, 1e18]", true);
    public static readonly DriverRule Positive = new(double.Epsilon, double.PositiveInfinity, "a number in (0, 1e18]", true);
    public static readonly DriverRule Rate = new(-1, double.PositiveInfinity, "a fraction in [-1, 1e18] (e.g. -0.30)", true);
    public static readonly DriverRule Probability = new(0, 1, "a probability in [0, 1]", false);

    /// <summary>Gets the largest magnitude of any scenario number: 1e18.</summary>
    public const double Largest = 1e18;

    /// <summary>Gets the rule of a log-normal sigma: [0, 5] (e^(5·z) already spans ten orders of magnitude at ±2 sd).</summary>
    public static readonly DriverRule Sigma = new(0, 5, "a sigma in [0, 5]", false);

    public bool Accepts(double value) => value >= Min && value <= Max && double.IsFinite(value) && Math.Abs(value) <= Largest;
}
