namespace Burnrate.Core.Quantities;

/// <summary>An electricity tariff in US dollars per kilowatt-hour.</summary>
/// <param name="Value">Dollars per kWh.</param>
public readonly record struct UsdPerKWh(double Value)
{
    /// <summary>Formats the tariff, e.g. "$0.08/kWh".</summary>
    /// <returns>The formatted tariff.</returns>
    public override string ToString() => SiFormat.Dollars(Value) + "/kWh";
}
