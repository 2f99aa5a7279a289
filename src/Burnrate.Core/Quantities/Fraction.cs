using System.Globalization;

namespace Burnrate.Core.Quantities;

/// <summary>A dimensionless fraction in [0, 1] (MFU, utilization, efficiency), validated on creation.</summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    /// <summary>Initializes a new instance of the <see cref="Fraction"/> struct.</summary>
    /// <param name="value">A number in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or NaN.</exception>
    public Fraction(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A fraction must be between 0 and 1.");
        }

        Value = value;
    }

    /// <summary>Gets the fraction as a number in [0, 1].</summary>
    public double Value { get; }

    /// <summary>Gets the fraction 1.</summary>
    public static Fraction One => new(1);

    /// <summary>Compares values.</summary>
    public static bool operator <(Fraction a, Fraction b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(Fraction a, Fraction b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(Fraction a, Fraction b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(Fraction a, Fraction b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Fraction other) => Value.CompareTo(other.Value);

    /// <summary>Formats as a percentage, e.g. "40%".</summary>
    /// <returns>The formatted fraction.</returns>
    public override string ToString() => (Value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
