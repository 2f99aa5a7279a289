using System.CommandLine;
using Burnrate.Catalog.Resolution;

namespace Burnrate.Cli.Commands;

/// <summary>
/// The money options shared by train, infer and optimize, mapped to a <see cref="PriceRequest"/>: a cloud price per
/// device-hour, or owned hardware (purchase price, amortization, electricity, PUE). The library's <see cref="PricePolicy"/>
/// holds the defaults and their sources; an option left out maps to null so the default (and its source) applies.
/// </summary>
internal sealed class MoneyOptions
{
    public Option<double?> GpuHourUsd { get; } = new("--gpu-hour-usd") { Description = "Price of one device-hour in USD (cloud or negotiated); overrides the catalog price" };

    public Option<bool> Owned { get; } = new("--owned") { Description = "Price the hardware as owned: amortized purchase plus power (TCO per device-hour)" };

    public Option<double?> PurchaseUsd { get; } = new("--purchase-usd") { Description = "Purchase price of one device in USD (default: the catalog's, when public); implies --owned" };

    public Option<double?> AmortizationYears { get; } = new("--amortization-years") { Description = $"Straight-line depreciation life of owned hardware (default {OwnedHardwareDefaults.AmortizationYears.Value})" };

    public Option<double?> SystemCostMultiplier { get; } = new("--system-cost-multiplier") { Description = $"Server/network cost per device as a multiple of the chip price (owned; default {OwnedHardwareDefaults.SystemCostMultiplier.Value})" };

    public Option<double?> ElectricityUsdPerKWh { get; } = new("--electricity-usd-per-kwh") { Description = $"Electricity price (default {OwnedHardwareDefaults.ElectricityUsdPerKWh.Value})" };

    public Option<double?> Pue { get; } = new("--pue") { Description = $"Power usage effectiveness of the facility, >= 1 (default {OwnedHardwareDefaults.Pue.Value})" };

    public Option<double?> DeviceWatts { get; } = new("--device-watts") { Description = "Power draw per device in watts (default: the catalog TDP)" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { GpuHourUsd, Owned, PurchaseUsd, AmortizationYears, SystemCostMultiplier, ElectricityUsdPerKWh, Pue, DeviceWatts })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Maps the options to the library's price request.</summary>
    public PriceRequest Request(ParseResult parse) => new()
    {
        GpuHourUsd = parse.GetValue(GpuHourUsd),
        Owned = parse.GetValue(Owned),
        PurchaseUsd = parse.GetValue(PurchaseUsd),
        AmortizationYears = parse.GetValue(AmortizationYears),
        SystemCostMultiplier = parse.GetValue(SystemCostMultiplier),
        ElectricityUsdPerKWh = parse.GetValue(ElectricityUsdPerKWh),
        Pue = parse.GetValue(Pue),
        DeviceWatts = parse.GetValue(DeviceWatts),
    };
}
