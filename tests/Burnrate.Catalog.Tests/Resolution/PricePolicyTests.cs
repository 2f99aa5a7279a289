using Burnrate.Catalog.Resolution;
using Burnrate.Core.Hardware;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests.Resolution;

public sealed class PricePolicyTests
{
    private static readonly AcceleratorSpec H100 = BurnrateCatalog.Embedded.Accelerator("h100-sxm");

    [Fact]
    public void Should_UseTheUserPrice_When_OneIsGiven()
    {
        ResolvedPrice price = PricePolicy.Resolve(H100, new PriceRequest { GpuHourUsd = 2.5 });

        price.PricePerDeviceHour.Value.ShouldBe(2.5);
        price.Priced.ShouldBeTrue();
        price.Assumptions.Select(a => a.Name).ShouldBe(["device-watts", "gpu-hour-usd", "pue"]);
        price.Assumptions[1].Source.ShouldBe("user");
    }

    [Fact]
    public void Should_UseTheCatalogCloudPriceAndCiteIt_When_NothingIsGiven()
    {
        ResolvedPrice price = PricePolicy.Resolve(H100, new PriceRequest());

        price.PricePerDeviceHour.Value.ShouldBe(H100.CloudPricePerHour!.Amount.Value);
        price.Assumptions[1].Source.ShouldStartWith("catalog on-demand price");
        price.Pue.ShouldBe(OwnedHardwareDefaults.Pue.Value);
    }

    [Fact]
    public void Should_PriceOwnedHardwareAsAmortizationPlusPower_When_Owned()
    {
        // 30,000 USD over 4 years of 8,760 h, plus 0.7 kW × PUE 1.3 × 0.08 USD/kWh
        ResolvedPrice price = PricePolicy.Resolve(H100, new PriceRequest { PurchaseUsd = 30_000, DeviceWatts = 700 });

        price.PricePerDeviceHour.Value.ShouldBe((30_000 / (4 * 8760.0)) + (0.7 * 1.3 * 0.08), 1e-12);
        price.Assumptions.Select(a => a.Name).ShouldBe(["device-watts", "purchase-usd", "amortization-years", "system-cost-multiplier", "electricity-usd-per-kwh", "owned-cost-per-device-hour", "pue"]);
    }

    [Fact]
    public void Should_FailNamingThePriceField_When_TheCatalogHasNoPrice()
    {
        AcceleratorSpec unpriced = H100 with { CloudPricePerHour = null };

        var e = Should.Throw<InputException>(() => PricePolicy.Resolve(unpriced, new PriceRequest()));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("gpuHourUsd");
    }

    [Fact]
    public void Should_SayUnpricedNeverZeroSilently_When_PriceIsOptional()
    {
        AcceleratorSpec unpriced = H100 with { CloudPricePerHour = null, Tdp = null };

        ResolvedPrice price = PricePolicy.Resolve(unpriced, new PriceRequest(), priceRequired: false);

        price.Priced.ShouldBeFalse();
        price.Assumptions.Single(a => a.Name == "gpu-hour-usd").Value.ShouldBe("none");
        price.Assumptions.Single(a => a.Name == "device-watts").Value.ShouldBe("none");
    }

    [Fact]
    public void Should_FailNamingThePurchaseField_When_OwnedWithoutAnyPurchasePrice()
    {
        AcceleratorSpec noPurchase = H100 with { PurchasePrice = null };

        var e = Should.Throw<InputException>(() => PricePolicy.Resolve(noPurchase, new PriceRequest { Owned = true }));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("purchaseUsd");
    }

    [Fact]
    public void Should_ReportEveryBadField_When_SeveralAreOutOfRange()
    {
        var request = new PriceRequest { GpuHourUsd = double.PositiveInfinity, Pue = 0.5, ElectricityUsdPerKWh = double.NaN, DeviceWatts = -1 };

        request.Validate().Select(e => e.Field).ShouldBe(["gpuHourUsd", "electricityUsdPerKWh", "pue", "deviceWatts"]);
    }

    [Fact]
    public void Should_PriceADeviceHourFromTheCatalogWithoutNeedingPower_When_NoPriceIsGiven()
    {
        // Given: an accelerator with a cloud price but no published TDP (bench shows no energy)
        AcceleratorSpec noTdp = H100 with { Tdp = null };

        // When
        (Burnrate.Core.Quantities.UsdPerGpuHour price, Burnrate.Core.Economics.Assumption source) = PricePolicy.DeviceHour(noTdp, null);

        // Then: the same price and citation as the full policy
        price.Value.ShouldBe(H100.CloudPricePerHour!.Amount.Value);
        source.ShouldBe(PricePolicy.Resolve(H100, new PriceRequest()).Assumptions[1]);
    }

    [Fact]
    public void Should_UseTheUserDeviceHourPrice_When_OneIsGiven()
    {
        (Burnrate.Core.Quantities.UsdPerGpuHour price, Burnrate.Core.Economics.Assumption source) = PricePolicy.DeviceHour(H100, 1.25);

        price.Value.ShouldBe(1.25);
        source.ShouldBe(new Burnrate.Core.Economics.Assumption("gpu-hour-usd", "$1.25/device-h", "user"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Should_FailNamingThePriceFieldNeverZero_When_TheDeviceHourHasNoValidPrice(double? given)
    {
        AcceleratorSpec unpriced = H100 with { CloudPricePerHour = null };

        var e = Should.Throw<InputException>(() => PricePolicy.DeviceHour(unpriced, given));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("gpuHourUsd");
    }
}
