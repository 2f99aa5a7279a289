namespace Burnrate.Core.Quantities;

/// <summary>An amount of memory or data, stored in bytes. Decimal (GB = 1e9) and binary (GiB = 2^30) factories are named explicitly.</summary>
/// <param name="Value">The number of bytes.</param>
public readonly record struct Bytes(double Value) : IComparable<Bytes>
{
    private const double Gibi = 1024d * 1024 * 1024;

    /// <summary>Gets zero bytes.</summary>
    public static Bytes Zero => default;

    /// <summary>Creates an amount from decimal gigabytes (1 GB = 1e9 bytes).</summary>
    /// <param name="gigabytes">The amount in GB.</param>
    /// <returns>The amount.</returns>
    public static Bytes FromGB(double gigabytes) => new(gigabytes * 1e9);

    /// <summary>Creates an amount from binary gibibytes (1 GiB = 2^30 bytes).</summary>
    /// <param name="gibibytes">The amount in GiB.</param>
    /// <returns>The amount.</returns>
    public static Bytes FromGiB(double gibibytes) => new(gibibytes * Gibi);

    /// <summary>Gets the amount in decimal gigabytes.</summary>
    /// <returns>The amount in GB.</returns>
    public double ToGB() => Value / 1e9;

    /// <summary>Gets the amount in binary gibibytes.</summary>
    /// <returns>The amount in GiB.</returns>
    public double ToGiB() => Value / Gibi;

    /// <summary>Adds two amounts.</summary>
    public static Bytes operator +(Bytes a, Bytes b) => new(a.Value + b.Value);

    /// <summary>Subtracts two amounts.</summary>
    public static Bytes operator -(Bytes a, Bytes b) => new(a.Value - b.Value);

    /// <summary>Scales an amount.</summary>
    public static Bytes operator *(double k, Bytes a) => new(k * a.Value);

    /// <summary>Scales an amount.</summary>
    public static Bytes operator *(Bytes a, double k) => new(k * a.Value);

    /// <summary>Divides an amount into equal parts.</summary>
    public static Bytes operator /(Bytes a, double k) => new(a.Value / k);

    /// <summary>The dimensionless ratio of two amounts.</summary>
    public static double operator /(Bytes a, Bytes b) => a.Value / b.Value;

    /// <summary>Time to move the data at a bandwidth: B ÷ B/s = s.</summary>
    public static Duration operator /(Bytes data, BytesPerSecond bandwidth) => Duration.FromSeconds(data.Value / bandwidth.Value);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Bytes a, Bytes b) => a.Value < b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Bytes a, Bytes b) => a.Value > b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Bytes a, Bytes b) => a.Value <= b.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Bytes a, Bytes b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(Bytes other) => Value.CompareTo(other.Value);

    /// <summary>Formats with a decimal SI prefix, e.g. "80 GB".</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => SiFormat.Format(Value, "B");
}
