using Burnrate.Core.Quantities;

namespace Burnrate.Core.Training;

/// <summary>The emissions of a grid per unit of electricity, in kilograms of CO2-equivalent per kilowatt-hour.</summary>
/// <param name="KgCo2ePerKWh">Kilograms of CO2e emitted per kWh drawn.</param>
public readonly record struct CarbonIntensity(double KgCo2ePerKWh)
{
    /// <summary>Emissions of drawing an energy from the grid: kWh × kg/kWh = kg CO2e.</summary>
    public static EmissionsCo2e operator *(Joules energy, CarbonIntensity intensity) => new(energy.KWh * intensity.KgCo2ePerKWh);

    /// <summary>Formats the intensity, e.g. "0.4 kg CO2e/kWh".</summary>
    /// <returns>The formatted intensity.</returns>
    public override string ToString() => FormattableString.Invariant($"{KgCo2ePerKWh:0.###} kg CO2e/kWh");
}
