namespace Burnrate.Core.Quantities;

/// <summary>Accelerator time summed over devices, in device-hours (called GPU-hours whatever the chip).</summary>
/// <param name="Value">Device-hours.</param>
public readonly record struct GpuHours(double Value) : IComparable<GpuHours>
{
    /// <summary>Device-hours of <paramref name="devices"/> devices busy for <paramref name="time"/>.</summary>
    /// <param name="devices">The number of devices.</param>
    /// <param name="time">The wall-clock time.</param>
    /// <returns>The device-hours.</returns>
    public static GpuHours Of(double devices, Duration time) => new(devices * time.Hours);

    /// <summary>Adds two amounts.</summary>
    public static GpuHours operator +(GpuHours a, GpuHours b) => new(a.Value + b.Value);

    /// <summary>Cost of device time at a price: GPU-h × $/GPU-h = $.</summary>
    public static Usd operator *(GpuHours hours, UsdPerGpuHour price) => new(hours.Value * price.Value);

    /// <summary>Compares values.</summary>
    public static bool operator <(GpuHours a, GpuHours b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(GpuHours a, GpuHours b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(GpuHours a, GpuHours b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(GpuHours a, GpuHours b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(GpuHours other) => Value.CompareTo(other.Value);

    /// <summary>Formats with an SI prefix, e.g. "30.8 MGPU-h".</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => SiFormat.Format(Value, "GPU-h");
}
