namespace Burnrate.Planning.Scenario;

/// <summary>The values a driver accepts, checked for its own value, distribution bounds and preset overrides.</summary>
internal readonly record struct DriverRule(double Min, double Max, string Allowed, bool AllowDistribution)
{
    public static readonly DriverRule Any = new(double.NegativeInfinity, double.PositiveInfinity, "a number", true);
    public static readonly DriverRule NonNegative = new(0, double.PositiveInfinity, "a number ≥ 0", true);
    public static readonly DriverRule Positive = new(double.Epsilon, double.PositiveInfinity, "a number > 0", true);
    public static readonly DriverRule Rate = new(-1, double.PositiveInfinity, "a fraction ≥ -1 (e.g. -0.30)", true);
    public static readonly DriverRule Probability = new(0, 1, "a probability in [0, 1]", false);

    public bool Accepts(double value) => value >= Min && value <= Max && double.IsFinite(value);
}
