namespace Burnrate.Core.Quantities;

/// <summary>Electrical power, stored in watts.</summary>
/// <param name="Value">The power in W.</param>
public readonly record struct Watts(double Value) : IComparable<Watts>
{
    /// <summary>Adds two powers.</summary>
    public static Watts operator +(Watts a, Watts b) => new(a.Value + b.Value);

    /// <summary>Scales a power (device count, utilization, PUE).</summary>
    public static Watts operator *(double k, Watts a) => new(k * a.Value);

    /// <summary>Scales a power.</summary>
    public static Watts operator *(Watts a, double k) => new(k * a.Value);

    /// <summary>Energy drawn over a time: W × s = J.</summary>
    public static Joules operator *(Watts power, Duration time) => new(power.Value * time.Seconds);

    /// <summary>Compares values.</summary>
    public static bool operator <(Watts a, Watts b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(Watts a, Watts b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(Watts a, Watts b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(Watts a, Watts b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Watts other) => Value.CompareTo(other.Value);

    /// <summary>Formats with an SI prefix, e.g. "700 W".</summary>
    /// <returns>The formatted power.</returns>
    public override string ToString() => SiFormat.Format(Value, "W");
}
