namespace Burnrate.Core.Quantities;

/// <summary>A price of accelerator time in US dollars per device-hour.</summary>
/// <param name="Value">Dollars per device-hour.</param>
public readonly record struct UsdPerGpuHour(double Value) : IComparable<UsdPerGpuHour>
{
    /// <summary>Cost of running for a time: $/h × s = $ (one device).</summary>
    public static Usd operator *(UsdPerGpuHour price, Duration time) => new(price.Value * time.Hours);

    /// <summary>Adds two prices (e.g. amortized capex and power).</summary>
    public static UsdPerGpuHour operator +(UsdPerGpuHour a, UsdPerGpuHour b) => new(a.Value + b.Value);

    /// <summary>Scales a price (e.g. by a device count).</summary>
    public static UsdPerGpuHour operator *(double k, UsdPerGpuHour a) => new(k * a.Value);

    /// <summary>Compares values.</summary>
    public static bool operator <(UsdPerGpuHour a, UsdPerGpuHour b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >(UsdPerGpuHour a, UsdPerGpuHour b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator <=(UsdPerGpuHour a, UsdPerGpuHour b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    public static bool operator >=(UsdPerGpuHour a, UsdPerGpuHour b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(UsdPerGpuHour other) => Value.CompareTo(other.Value);

    /// <summary>Formats the price, e.g. "$2.99/GPU-h".</summary>
    /// <returns>The formatted price.</returns>
    public override string ToString() => SiFormat.Dollars(Value) + "/GPU-h";
}
