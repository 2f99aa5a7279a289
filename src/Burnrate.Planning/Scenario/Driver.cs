namespace Burnrate.Planning.Scenario;

/// <summary>A number the projection depends on, addressable by its path (e.g. <c>revenue.api.monthlyGrowth</c>) from presets and correlations.</summary>
/// <param name="Path">The dotted path.</param>
/// <param name="Value">The value when constant.</param>
/// <param name="Distribution">The distribution when uncertain; drawn once per path unless <paramref name="PerMonth"/>.</param>
/// <param name="PerMonth">Whether a new value is drawn every month.</param>
/// <param name="Location">Where it is defined (file:line:column).</param>
public sealed record Driver(string Path, double Value, Distribution? Distribution, bool PerMonth, string Location)
{
    /// <summary>Gets whether the driver has a distribution.</summary>
    public bool IsUncertain => Distribution is not null;

    /// <summary>Gets a fixed value for every month (e.g. a fleet's cost per 1M tokens), or null; such a driver is read per month on every path.</summary>
    public IReadOnlyList<double>? Series { get; init; }

    /// <summary>Gets the value used by deterministic runs: the constant, or the distribution's median.</summary>
    public double Central => Distribution?.Median ?? Value;
}
