namespace Burnrate.Core.Quantities;

/// <summary>Energy, stored in joules; <see cref="KWh"/> gives kilowatt-hours (1 kWh = 3.6e6 J).</summary>
/// <param name="Value">The energy in J.</param>
public readonly record struct Joules(double Value) : IComparable<Joules>
{
    private const double JoulesPerKWh = 3.6e6;

    /// <summary>Creates an energy from kilowatt-hours.</summary>
    /// <param name="kilowattHours">The energy in kWh.</param>
    /// <returns>The energy.</returns>
    public static Joules FromKWh(double kilowattHours) => new(kilowattHours * JoulesPerKWh);

    /// <summary>Gets the energy in kilowatt-hours.</summary>
    public double KWh => Value / JoulesPerKWh;

    /// <summary>Adds two energies.</summary>
    public static Joules operator +(Joules a, Joules b) => new(a.Value + b.Value);

    /// <summary>Scales an energy (e.g. by PUE).</summary>
    public static Joules operator *(double k, Joules a) => new(k * a.Value);

    /// <summary>Divides an energy into equal parts (e.g. per token).</summary>
    public static Joules operator /(Joules a, double k) => new(a.Value / k);

    /// <summary>Cost of the energy at a tariff: J × $/kWh = $.</summary>
    public static Usd operator *(Joules energy, UsdPerKWh tariff) => new(energy.KWh * tariff.Value);

    /// <summary>Compares values.</summary>
    public static bool operator <(Joules a, Joules b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(Joules a, Joules b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(Joules a, Joules b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(Joules a, Joules b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Joules other) => Value.CompareTo(other.Value);

    /// <summary>Formats in kWh with an SI prefix, e.g. "1.23 GWh".</summary>
    /// <returns>The formatted energy.</returns>
    public override string ToString() => SiFormat.Format(Value / 3600, "Wh");
}
