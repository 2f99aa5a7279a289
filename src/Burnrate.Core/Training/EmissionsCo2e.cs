namespace Burnrate.Core.Training;

/// <summary>A mass of greenhouse-gas emissions in CO2-equivalent, stored in kilograms.</summary>
/// <param name="Kilograms">Kilograms of CO2e.</param>
public readonly record struct EmissionsCo2e(double Kilograms)
{
    /// <summary>Gets the mass in metric tonnes (1 t = 1000 kg).</summary>
    public double Tonnes => Kilograms / 1000;

    /// <summary>Formats in tonnes, e.g. "1,234 t CO2e".</summary>
    /// <returns>The formatted mass.</returns>
    public override string ToString() => FormattableString.Invariant($"{Tonnes:#,0.##} t CO2e");
}
