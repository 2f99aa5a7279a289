using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>
/// The one price policy for a device-hour: the user's price; else owned hardware (amortized purchase plus power, TCO);
/// else the catalog's on-demand cloud price. No price is an <see cref="InputException"/> naming what to give, never $0
/// (unless the caller says cost is not shown, and then the result says it is unpriced).
/// </summary>
public static class PricePolicy
{
    /// <summary>Resolves price, power and PUE for <paramref name="gpu"/>.</summary>
    /// <param name="gpu">The accelerator.</param>
    /// <param name="request">The user's overrides.</param>
    /// <param name="priceRequired">Whether a missing price or power is an error (false only where no cost or energy is shown:
    /// then the assumptions say "none" and the value is zero).</param>
    /// <returns>The price, power and PUE with their assumptions.</returns>
    /// <exception cref="InputException">A field is out of range, or a needed price or power is missing.</exception>
    public static ResolvedPrice Resolve(AcceleratorSpec gpu, PriceRequest request, bool priceRequired = true)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(request);
        InputException.ThrowIfAny(request.Validate());
        var assumptions = new List<Assumption>();
        Watts power = Power(gpu, request, priceRequired, assumptions);
        (double pue, Assumption pueAssumption) = Pue(request);
        (UsdPerGpuHour price, bool priced) = Price(gpu, request, power, pue, priceRequired, assumptions);
        assumptions.Add(pueAssumption);
        return new ResolvedPrice(price, priced, power, pue, assumptions);
    }

    /// <summary>
    /// Resolves the price of one device-hour where neither energy nor owned hardware is shown (bench's cost per 1M tokens):
    /// the user's price, else the catalog's on-demand cloud price. Neither is an <see cref="InputException"/> naming
    /// <c>gpuHourUsd</c>, never $0.
    /// </summary>
    /// <param name="gpu">The accelerator.</param>
    /// <param name="gpuHourUsd">The user's price of one device-hour in USD, or null for the catalog's.</param>
    /// <returns>The price and its gpu-hour-usd assumption.</returns>
    /// <exception cref="InputException">The price is out of range, or there is none.</exception>
    public static (UsdPerGpuHour Price, Assumption Assumption) DeviceHour(AcceleratorSpec gpu, double? gpuHourUsd)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        InputException.ThrowIfAny(new PriceRequest { GpuHourUsd = gpuHourUsd }.Validate());
        return gpuHourUsd is { } price ? User(price)
            : Cloud(gpu) ?? throw new InputException("gpuHourUsd", "", $"a price per device-hour: the catalog has no cloud price for '{gpu.Id}'");
    }

    /// <summary>Gets the facility PUE: the request's, else the sourced default, with its assumption.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The PUE and its assumption.</returns>
    public static (double Pue, Assumption Assumption) Pue(PriceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Pue is { } p
            ? (p, OwnedHardwareDefaults.Pue.User(NumberText.Plain(p)))
            : (OwnedHardwareDefaults.Pue.Value, OwnedHardwareDefaults.Pue.Assumption);
    }

    private static Watts Power(AcceleratorSpec gpu, PriceRequest request, bool required, List<Assumption> assumptions)
    {
        if (request.DeviceWatts is { } watts)
        {
            assumptions.Add(new Assumption("device-watts", NumberText.Plain(watts) + " W", "user"));
            return new Watts(watts);
        }

        if (gpu.Tdp is { } tdp)
        {
            assumptions.Add(new Assumption("device-watts", tdp.ToString(), $"catalog TDP of {gpu.Id} ({gpu.Provenance.Source})"));
            return tdp;
        }

        if (!required && !request.IsOwned)
        {
            assumptions.Add(new Assumption("device-watts", "none", $"the catalog has no published TDP for {gpu.Id}; energy is not estimated"));
            return new Watts(0);
        }

        throw new InputException("deviceWatts", "", $"a power draw per device in W: the catalog has no published TDP for '{gpu.Id}'");
    }

    private static (UsdPerGpuHour Price, bool Priced) Price(AcceleratorSpec gpu, PriceRequest request, Watts power, double pue, bool required, List<Assumption> assumptions)
    {
        if (request.GpuHourUsd is { } price)
        {
            (UsdPerGpuHour user, Assumption shown) = User(price);
            assumptions.Add(shown);
            return (user, true);
        }

        if (request.IsOwned)
        {
            return (Owned(gpu, request, power, pue, assumptions), true);
        }

        if (Cloud(gpu) is { } cloud)
        {
            assumptions.Add(cloud.Assumption);
            return (cloud.Price, true);
        }

        if (!required)
        {
            assumptions.Add(new Assumption("gpu-hour-usd", "none", $"the catalog has no cloud price for {gpu.Id}; costs are not priced"));
            return (new UsdPerGpuHour(0), false);
        }

        throw new InputException("gpuHourUsd", "", $"a price per device-hour: the catalog has no cloud price for '{gpu.Id}' (or price it as owned hardware with a purchase price)");
    }

    private static (UsdPerGpuHour Price, Assumption Assumption) User(double price) =>
        (new UsdPerGpuHour(price), new Assumption("gpu-hour-usd", "$" + NumberText.Plain(price) + "/device-h", "user"));

    private static (UsdPerGpuHour Price, Assumption Assumption)? Cloud(AcceleratorSpec gpu) => gpu.CloudPricePerHour is { } cloud
        ? (new UsdPerGpuHour(cloud.Amount.Value), new Assumption("gpu-hour-usd", cloud.Amount + "/device-h", $"catalog on-demand price, {gpu.CloudProvider}: {cloud.Provenance.Source} ({NumberText.Date(cloud.Provenance.AsOf)})"))
        : null;

    private static UsdPerGpuHour Owned(AcceleratorSpec gpu, PriceRequest request, Watts power, double pue, List<Assumption> assumptions)
    {
        double chip = request.PurchaseUsd ?? gpu.PurchasePrice?.Amount.Value
            ?? throw new InputException("purchaseUsd", "", $"a purchase price per device in USD: the catalog has no public purchase price for '{gpu.Id}'");
        var owned = new OwnedHardware
        {
            PurchasePrice = new Usd(chip),
            AmortizationYears = request.AmortizationYears ?? OwnedHardwareDefaults.AmortizationYears.Value,
            SystemCostMultiplier = request.SystemCostMultiplier ?? OwnedHardwareDefaults.SystemCostMultiplier.Value,
            Electricity = new UsdPerKWh(request.ElectricityUsdPerKWh ?? OwnedHardwareDefaults.ElectricityUsdPerKWh.Value),
            Pue = pue,
            DevicePower = power,
        };
        assumptions.Add(new Assumption("purchase-usd", "$" + NumberText.Plain(chip), request.PurchaseUsd is null
            ? $"catalog: {gpu.PurchasePrice!.Provenance.Source} ({NumberText.Date(gpu.PurchasePrice.Provenance.AsOf)})"
            : "user"));
        assumptions.Add(Shown(OwnedHardwareDefaults.AmortizationYears, request.AmortizationYears, NumberText.Plain(owned.AmortizationYears)));
        assumptions.Add(Shown(OwnedHardwareDefaults.SystemCostMultiplier, request.SystemCostMultiplier, NumberText.Plain(owned.SystemCostMultiplier)));
        assumptions.Add(Shown(OwnedHardwareDefaults.ElectricityUsdPerKWh, request.ElectricityUsdPerKWh, "$" + NumberText.Plain(owned.Electricity.Value)));
        assumptions.Add(new Assumption("owned-cost-per-device-hour", owned.CostPerHour.ToString(), $"amortization {owned.AmortizationPerHour} + power {owned.PowerPerHour}"));
        return owned.CostPerHour;
    }

    private static Assumption Shown(Sourced<double> fallback, double? given, string shown) =>
        given is null ? fallback.Assumption with { Value = shown } : fallback.User(shown);
}
