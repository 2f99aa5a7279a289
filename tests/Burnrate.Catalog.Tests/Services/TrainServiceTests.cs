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
    public void Should_ChargeInterruptionsAndShowTheirSources_When_DefaultsAreUsed()
    {
        // Given: 70B on 16,384 H100s, at the default interruption rate and with the model off
        var request = new TrainRequest { Model = "70B", Tokens = 15e12, Gpu = "h100-sxm", Gpus = 16_384 };

        // When
        TrainReport report = TrainService.Run(BurnrateCatalog.Embedded, request);
        TrainReport off = TrainService.Run(BurnrateCatalog.Embedded, request with { InterruptionsPerDeviceHour = 0, MinutesLostPerInterruption = 30 });

        // Then: Llama 3's 90% effective time at Llama 3's scale; zero interruptions leave running time and wall-clock equal
        (report.RunningSeconds / report.WallClockSeconds).ShouldBe(0.9, 1e-9);
        report.InterruptionOverheadFraction.ShouldBe(1 / 0.9 - 1, 1e-9);
        report.Assumptions.Single(a => a.Name == "interruptions-per-device-hour").Source.ShouldContain("arXiv 2407.21783");
        report.Assumptions.Single(a => a.Name == "minutes-lost-per-interruption").Value.ShouldBe("16.7 min");
        off.WallClockSeconds.ShouldBe(off.RunningSeconds);
        off.RunningSeconds.ShouldBe(report.RunningSeconds, 1e-6);
        off.Assumptions.Single(a => a.Name == "interruptions-per-device-hour").Source.ShouldBe("user");
    }

    [Fact]
    public void Should_LowerTheDefaultMfuButNotAUserMfu_When_RecomputeIsFull()
    {
        // Given
        var request = new TrainRequest { Model = "llama-3.1-8b", Tokens = 1e12, Gpu = "h100-sxm", Gpus = 64 };

        // When
        TrainReport selective = TrainService.Run(BurnrateCatalog.Embedded, request);
        TrainReport full = TrainService.Run(BurnrateCatalog.Embedded, request with { Recompute = "full" });
        TrainReport fullUser = TrainService.Run(BurnrateCatalog.Embedded, request with { Recompute = "full", Mfu = 0.4 });

        // Then: the default keeps its hardware utilization (Korthikanti et al. 2022), so full recompute takes longer
        selective.Mfu.ShouldBe(TrainingCommunication.ComputeMfu, 1e-12); // TP 1: no tensor-parallel all-reduce to charge
        full.Mfu.ShouldBeLessThan(0.8 * selective.Mfu);
        full.Hfu.ShouldBe(selective.Hfu, 1e-9);
        full.WallClockSeconds.ShouldBeGreaterThan(selective.WallClockSeconds * 1.2);
        full.Assumptions.Single(a => a.Name == "mfu").Source.ShouldContain("selective");
        fullUser.Mfu.ShouldBe(0.4);
        fullUser.Assumptions.Single(a => a.Name == "mfu").Source.ShouldBe("user");
    }

    [Fact]
    public void Should_ChargeTensorParallelAllReducesUnlessOverlapped_When_TpIsAboveOne()
    {
        // Given: Llama 3.1 70B at TP 8 on 64 H100s
        var request = new TrainRequest { Model = "llama-3.1-70b", Tokens = 1e12, Gpu = "h100-sxm", Gpus = 64, TensorParallel = 8 };

        // When
        TrainReport charged = TrainService.Run(BurnrateCatalog.Embedded, request);
        TrainReport hidden = TrainService.Run(BurnrateCatalog.Embedded, request with { TpCommOverlap = 1 });
        TrainReport user = TrainService.Run(BurnrateCatalog.Embedded, request with { Mfu = 0.3 });

        // Then: the default MFU pays for the exposed all-reduces and says so; a user MFU is kept as given
        charged.Mfu.ShouldBeLessThan(TrainingCommunication.ComputeMfu);
        hidden.Mfu.ShouldBe(TrainingCommunication.ComputeMfu, 1e-12);
        charged.Assumptions.Single(a => a.Name == "tp-comm-overlap").Value.ShouldBe("0");
        hidden.Assumptions.Single(a => a.Name == "tp-comm-overlap").Source.ShouldBe("user");
        charged.Assumptions.Single(a => a.Name == "tp-communication").Value.ShouldContain("of running time exposed at tp 8");
        user.Mfu.ShouldBe(0.3);
        Should.Throw<InputException>(() => TrainService.Run(BurnrateCatalog.Embedded, request with { TpCommOverlap = 1.5 }))
            .Errors.Single().Field.ShouldBe("tpCommOverlap");
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
