using Burnrate.Catalog.Services;
using Burnrate.Core.Training;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests.Services;

public sealed class TrainServiceTests
{
    [Fact]
    public void Should_DeriveTheDeviceCount_When_ADeadlineIsGiven()
    {
        // Given: Llama 3.1 8B on 15T tokens in 30 days on H100s
        var request = new TrainRequest { Model = "llama-3.1-8b", Tokens = 15e12, Gpu = "h100-sxm", Days = 30 };

        // When
        TrainReport report = TrainService.Run(BurnrateCatalog.Embedded, request);

        // Then: the fewest devices that finish in time, stated as a derived assumption
        report.WallClockDays.ShouldBeLessThanOrEqualTo(30);
        report.DeadlineDays.ShouldBe(30);
        report.Assumptions.Single(a => a.Name == "gpus").Source.ShouldStartWith("derived");
        TrainReport fewer = TrainService.Run(BurnrateCatalog.Embedded, request with { Days = null, Gpus = report.Gpus - 1 });
        fewer.WallClockDays.ShouldBeGreaterThan(30);
        report.Estimate.ShouldNotBeNull().Run.Devices.ShouldBe(report.Gpus);
    }

    [Fact]
    public void Should_TreatABareCountAsParameters_When_ModelIsANumber()
    {
        TrainReport report = TrainService.Run(BurnrateCatalog.Embedded, new TrainRequest { Model = "70B", Tokens = 1e12, Gpu = "h100-sxm", Gpus = 1024, GridKgCo2PerKWh = 0.1 });

        report.TotalParams.ShouldBe(70e9);
        report.Model.ShouldEndWith("parameters (no architecture)");
        report.Assumptions.Single(a => a.Name == "grid-kg-co2-per-kwh").Source.ShouldBe("user");
        report.Assumptions.Single(a => a.Name == "mfu").Source.ShouldStartWith("default");
    }

    [Fact]
    public void Should_ReturnEveryBadField_When_RequestInvalid()
    {
        var request = new TrainRequest
        {
            Model = "llama-3.1-8b", Tokens = 0, Gpu = "h100-sxm", Mfu = 1.5, Zero = 5, Recompute = "some", Precision = "int4",
        };

        var e = Should.Throw<InputException>(() => TrainService.Run(BurnrateCatalog.Embedded, request));

        e.Errors.Select(x => x.Field).ShouldBe(["tokens", "gpus", "precision", "mfu", "zero", "recompute"]);
    }
}
