namespace Burnrate.Core.Quantities;

/// <summary>A bandwidth, stored in bytes per second (decimal).</summary>
/// <param name="Value">Bytes per second.</param>
public readonly record struct BytesPerSecond(double Value) : IComparable<BytesPerSecond>
{
    /// <summary>Creates a bandwidth from decimal terabytes per second (1e12 B/s).</summary>
    /// <param name="terabytesPerSecond">The bandwidth in TB/s.</param>
    /// <returns>The bandwidth.</returns>
    public static BytesPerSecond FromTBps(double terabytesPerSecond) => new(terabytesPerSecond * 1e12);

    /// <summary>Creates a bandwidth from decimal gigabytes per second (1e9 B/s).</summary>
    /// <param name="gigabytesPerSecond">The bandwidth in GB/s.</param>
    /// <returns>The bandwidth.</returns>
    public static BytesPerSecond FromGBps(double gigabytesPerSecond) => new(gigabytesPerSecond * 1e9);

    /// <summary>Scales a bandwidth (e.g. by an efficiency).</summary>
    public static BytesPerSecond operator *(double k, BytesPerSecond a) => new(k * a.Value);

    /// <summary>Scales a bandwidth.</summary>
    public static BytesPerSecond operator *(BytesPerSecond a, double k) => new(k * a.Value);

    /// <summary>Data moved at the bandwidth over a time: B/s × s = B.</summary>
    public static Bytes operator *(BytesPerSecond rate, Duration time) => new(rate.Value * time.Seconds);

    /// <summary>The dimensionless ratio of two bandwidths.</summary>
    public static double operator /(BytesPerSecond a, BytesPerSecond b) => a.Value / b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <(BytesPerSecond a, BytesPerSecond b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(BytesPerSecond a, BytesPerSecond b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(BytesPerSecond a, BytesPerSecond b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(BytesPerSecond a, BytesPerSecond b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(BytesPerSecond other) => Value.CompareTo(other.Value);

    /// <summary>Formats with an SI prefix, e.g. "3.35 TB/s".</summary>
    /// <returns>The formatted bandwidth.</returns>
    public override string ToString() => SiFormat.Format(Value, "B/s");
}
