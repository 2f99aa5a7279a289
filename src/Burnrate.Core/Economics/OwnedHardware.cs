using Burnrate.Core.Quantities;

namespace Burnrate.Core.Economics;

/// <summary>
/// Total cost of owning one accelerator, expressed per device-hour: straight-line amortization of the purchase (with a
/// multiplier for the server, network and storage around the chip) plus electricity at the facility's PUE.
/// </summary>
public sealed record OwnedHardware
{
    /// <summary>Gets the purchase price of one device.</summary>
    public required Usd PurchasePrice { get; init; }

    /// <summary>Gets the years over which the purchase is depreciated (straight line).</summary>
    public required double AmortizationYears { get; init; }

    /// <summary>Gets the system cost per device as a multiple of the chip's price (server, networking, storage); 1 = chip only.</summary>
    public double SystemCostMultiplier { get; init; } = 1;

    /// <summary>Gets the electricity tariff.</summary>
    public required UsdPerKWh Electricity { get; init; }

    /// <summary>Gets the power usage effectiveness of the facility (total facility power ÷ IT power, ≥ 1).</summary>
    public required double Pue { get; init; }

    /// <summary>Gets the device's power draw while working (normally its TDP).</summary>
    public required Watts DevicePower { get; init; }

    /// <summary>Gets the capital part of the hourly cost: price × multiplier ÷ (years × 8760 h).</summary>
    public UsdPerGpuHour AmortizationPerHour => new(PurchasePrice.Value * SystemCostMultiplier / (AmortizationYears * HoursPerYear));

    /// <summary>Gets the energy part of the hourly cost: power × PUE × 1 h × tariff.</summary>
    public UsdPerGpuHour PowerPerHour => new((DevicePower * Duration.FromHours(1)).KWh * Pue * Electricity.Value);

    /// <summary>Gets the full cost per device-hour.</summary>
    public UsdPerGpuHour CostPerHour => AmortizationPerHour + PowerPerHour;

    /// <summary>Hours in a 365-day year.</summary>
    public const double HoursPerYear = 8760;

    /// <summary>Checks the inputs, naming the first bad one.</summary>
    /// <returns>An error message, or null when valid.</returns>
    public string? Validate() =>
        PurchasePrice.Value <= 0 ? "purchase price must be positive"
        : AmortizationYears <= 0 ? "amortization years must be positive"
        : SystemCostMultiplier < 1 ? "system cost multiplier must be at least 1"
        : Electricity.Value < 0 ? "electricity price must not be negative"
        : Pue < 1 ? "PUE must be at least 1"
        : DevicePower.Value <= 0 ? "device power must be positive"
        : null;
}
