using System.CommandLine;
using System.Globalization;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;

namespace Burnrate.Cli.Commands;

/// <summary>
/// The money options shared by train and infer: a cloud price per device-hour, or owned hardware (purchase price,
/// amortization, electricity, PUE). Without either, the catalog's on-demand cloud price is used and named as an assumption.
/// </summary>
internal sealed class MoneyOptions
{
    // Defaults, each named in the output. 4 years: the common straight-line life of accelerator servers (e.g. SemiAnalysis
    // and hyperscaler 10-K disclosures of 4–6 year server lives); $0.08/kWh: US industrial average (EIA Electric Power Monthly 2024);
    // PUE 1.3: typical modern colocation (Uptime Institute Global Data Center Survey 2024 reports ~1.56 average, 1.1–1.3 for new AI builds).
    public const double DefaultAmortizationYears = 4;
    public const double DefaultElectricityUsdPerKWh = 0.08;
    public const double DefaultPue = 1.3;

    public Option<double?> GpuHourUsd { get; } = new("--gpu-hour-usd") { Description = "Price of one device-hour in USD (cloud or negotiated); overrides the catalog price" };

    public Option<bool> Owned { get; } = new("--owned") { Description = "Price the hardware as owned: amortized purchase plus power (TCO per device-hour)" };

    public Option<double?> PurchaseUsd { get; } = new("--purchase-usd") { Description = "Purchase price of one device in USD (default: the catalog's, when public); implies --owned" };

    public Option<double> AmortizationYears { get; } = new("--amortization-years") { Description = "Straight-line depreciation life of owned hardware", DefaultValueFactory = _ => DefaultAmortizationYears };

    public Option<double> SystemCostMultiplier { get; } = new("--system-cost-multiplier") { Description = "Server/network cost per device as a multiple of the chip price (owned)", DefaultValueFactory = _ => 1.0 };

    public Option<double> ElectricityUsdPerKWh { get; } = new("--electricity-usd-per-kwh") { Description = "Electricity price", DefaultValueFactory = _ => DefaultElectricityUsdPerKWh };

    public Option<double> Pue { get; } = new("--pue") { Description = "Power usage effectiveness of the facility (>= 1)", DefaultValueFactory = _ => DefaultPue };

    public Option<double?> DeviceWatts { get; } = new("--device-watts") { Description = "Power draw per device in watts (default: the catalog TDP)" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { GpuHourUsd, Owned, PurchaseUsd, AmortizationYears, SystemCostMultiplier, ElectricityUsdPerKWh, Pue, DeviceWatts })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Gets the device power: the --device-watts override, else the catalog TDP.</summary>
    public Watts Power(ParseResult parse, AcceleratorSpec gpu, List<Assumption> assumptions)
    {
        if (parse.GetValue(DeviceWatts) is { } watts)
        {
            Positive("--device-watts", watts);
            assumptions.Add(new Assumption("device-watts", Fmt(watts) + " W", "user"));
            return new Watts(watts);
        }

        if (gpu.Tdp is { } tdp)
        {
            assumptions.Add(new Assumption("device-watts", tdp.ToString(), $"catalog TDP of {gpu.Id} ({gpu.Provenance.Source})"));
            return tdp;
        }

        throw new UsageException($"accelerator '{gpu.Id}' has no published TDP; pass --device-watts W");
    }

    /// <summary>Resolves the price of one device-hour and records how it was chosen.</summary>
    public UsdPerGpuHour PricePerDeviceHour(ParseResult parse, AcceleratorSpec gpu, Watts power, List<Assumption> assumptions)
    {
        double pue = parse.GetValue(Pue);
        if (pue < 1)
        {
            throw new UsageException($"--pue must be at least 1, got {Fmt(pue)}");
        }

        if (parse.GetValue(GpuHourUsd) is { } price)
        {
            Positive("--gpu-hour-usd", price);
            assumptions.Add(new Assumption("gpu-hour-usd", "$" + Fmt(price) + "/device-h", "user"));
            return new UsdPerGpuHour(price);
        }

        double? purchase = parse.GetValue(PurchaseUsd);
        if (parse.GetValue(Owned) || purchase is not null)
        {
            double chip = purchase ?? gpu.PurchasePrice?.Amount.Value
                ?? throw new UsageException($"accelerator '{gpu.Id}' has no public purchase price in the catalog; pass --purchase-usd");
            var owned = new OwnedHardware
            {
                PurchasePrice = new Usd(chip),
                AmortizationYears = parse.GetValue(AmortizationYears),
                SystemCostMultiplier = parse.GetValue(SystemCostMultiplier),
                Electricity = new UsdPerKWh(parse.GetValue(ElectricityUsdPerKWh)),
                Pue = pue,
                DevicePower = power,
            };
            if (owned.Validate() is { } problem)
            {
                throw new UsageException("owned hardware: " + problem);
            }

            assumptions.Add(new Assumption("purchase-usd", "$" + Fmt(chip), purchase is null ? $"catalog: {gpu.PurchasePrice!.Provenance.Source} ({gpu.PurchasePrice.Provenance.AsOf:yyyy-MM-dd})" : "user"));
            assumptions.Add(new Assumption("amortization-years", Fmt(owned.AmortizationYears), IsDefault(parse, AmortizationYears) ? "default: typical accelerator server life" : "user"));
            assumptions.Add(new Assumption("system-cost-multiplier", Fmt(owned.SystemCostMultiplier), IsDefault(parse, SystemCostMultiplier) ? "default: chip only" : "user"));
            assumptions.Add(new Assumption("electricity-usd-per-kwh", "$" + Fmt(owned.Electricity.Value), IsDefault(parse, ElectricityUsdPerKWh) ? "default: US industrial average, EIA 2024" : "user"));
            assumptions.Add(new Assumption("owned-cost-per-device-hour", owned.CostPerHour.ToString(), $"amortization {owned.AmortizationPerHour} + power {owned.PowerPerHour}"));
            return owned.CostPerHour;
        }

        if (gpu.CloudPricePerHour is { } cloud)
        {
            assumptions.Add(new Assumption("gpu-hour-usd", cloud.Amount + "/device-h", $"catalog on-demand price, {gpu.CloudProvider}: {cloud.Provenance.Source} ({cloud.Provenance.AsOf:yyyy-MM-dd})"));
            return new UsdPerGpuHour(cloud.Amount.Value);
        }

        throw new UsageException($"accelerator '{gpu.Id}' has no cloud price in the catalog; pass --gpu-hour-usd or --owned --purchase-usd");
    }

    /// <summary>Gets the PUE and records it.</summary>
    public double PueValue(ParseResult parse, List<Assumption> assumptions)
    {
        double pue = parse.GetValue(Pue);
        assumptions.Add(new Assumption("pue", Fmt(pue), IsDefault(parse, Pue) ? "default: modern colocation, Uptime Institute 2024" : "user"));
        return pue;
    }

    private static bool IsDefault(ParseResult parse, Option option) => parse.GetResult(option) is null or { Implicit: true };

    private static void Positive(string name, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new UsageException($"{name} must be a positive number, got {Fmt(value)}");
        }
    }

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
