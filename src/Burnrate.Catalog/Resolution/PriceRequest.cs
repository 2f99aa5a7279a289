using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>
/// How to price one device-hour, and its power: a user price, owned hardware (purchase, amortization, electricity, PUE), or
/// (when neither is given) the catalog's on-demand cloud price. Null fields take the sourced defaults
/// (<see cref="OwnedHardwareDefaults"/>, the catalog TDP).
/// </summary>
public sealed record PriceRequest
{
    /// <summary>Gets the price of one device-hour in USD, overriding the catalog price.</summary>
    public double? GpuHourUsd { get; init; }

    /// <summary>Gets whether to price the hardware as owned (TCO per device-hour).</summary>
    public bool Owned { get; init; }

    /// <summary>Gets the purchase price of one device in USD (default: the catalog's); implies <see cref="Owned"/>.</summary>
    public double? PurchaseUsd { get; init; }

    /// <summary>Gets the straight-line depreciation life in years (owned).</summary>
    public double? AmortizationYears { get; init; }

    /// <summary>Gets the server/network cost per device as a multiple of the chip price (owned), at least 1.</summary>
    public double? SystemCostMultiplier { get; init; }

    /// <summary>Gets the electricity price in USD per kWh.</summary>
    public double? ElectricityUsdPerKWh { get; init; }

    /// <summary>Gets the facility's power usage effectiveness, at least 1.</summary>
    public double? Pue { get; init; }

    /// <summary>Gets the power draw per device in watts (default: the catalog TDP).</summary>
    public double? DeviceWatts { get; init; }

    /// <summary>Gets whether the owned-hardware policy applies (<see cref="Owned"/> or a purchase price given).</summary>
    public bool IsOwned => Owned || PurchaseUsd is not null;

    /// <summary>Checks every field against its documented finite range.</summary>
    /// <returns>Every bad field; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() => new FieldChecks()
        .Positive("gpuHourUsd", GpuHourUsd, 1e6, "USD per device-hour")
        .Positive("purchaseUsd", PurchaseUsd, 1e9, "USD")
        .Positive("amortizationYears", AmortizationYears, 100, "years")
        .Range("systemCostMultiplier", SystemCostMultiplier, 1, 100)
        .Range("electricityUsdPerKWh", ElectricityUsdPerKWh, 0, 100, unit: "USD per kWh")
        .Range("pue", Pue, 1, 10)
        .Positive("deviceWatts", DeviceWatts, 1e6, "W");
}
