namespace Burnrate.Core.Quantities;

/// <summary>A compute rate, stored in FLOP per second.</summary>
/// <param name="Value">FLOP per second.</param>
public readonly record struct FlopPerSecond(double Value) : IComparable<FlopPerSecond>
{
    /// <summary>Creates a rate from teraFLOP/s (1e12 FLOP/s).</summary>
    /// <param name="tera">The rate in TFLOP/s.</param>
    /// <returns>The rate.</returns>
    public static FlopPerSecond FromTera(double tera) => new(tera * 1e12);

    /// <summary>Gets the rate in TFLOP/s.</summary>
    public double Tera => Value / 1e12;

    /// <summary>Adds two rates.</summary>
    public static FlopPerSecond operator +(FlopPerSecond a, FlopPerSecond b) => new(a.Value + b.Value);

    /// <summary>Scales a rate (e.g. by a device count or an efficiency).</summary>
    public static FlopPerSecond operator *(double k, FlopPerSecond a) => new(k * a.Value);

    /// <summary>Scales a rate.</summary>
    public static FlopPerSecond operator *(FlopPerSecond a, double k) => new(k * a.Value);

    /// <summary>Work done at the rate over a time: FLOP/s × s = FLOP.</summary>
    public static Flop operator *(FlopPerSecond rate, Duration time) => new(rate.Value * time.Seconds);

    /// <summary>The dimensionless ratio of two rates (e.g. MFU).</summary>
    public static double operator /(FlopPerSecond a, FlopPerSecond b) => a.Value / b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <(FlopPerSecond a, FlopPerSecond b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(FlopPerSecond a, FlopPerSecond b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(FlopPerSecond a, FlopPerSecond b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(FlopPerSecond a, FlopPerSecond b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(FlopPerSecond other) => Value.CompareTo(other.Value);

    /// <summary>Formats with an SI prefix, e.g. "989 TFLOP/s".</summary>
    /// <returns>The formatted rate.</returns>
    public override string ToString() => SiFormat.Format(Value, "FLOP/s");
}
