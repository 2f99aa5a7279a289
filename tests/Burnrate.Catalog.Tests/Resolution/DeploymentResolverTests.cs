using Burnrate.Catalog.Resolution;
using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests.Resolution;

public sealed class DeploymentResolverTests
{
    [Fact]
    public void Should_SpreadTensorParallelOverTheDevices_When_TpIsNotGiven()
    {
        ResolvedDeployment r = DeploymentResolver.Resolve(BurnrateCatalog.Embedded, new DeploymentRequest { Model = "llama-3.1-70b", Gpu = "h100-sxm", Gpus = 8, PipelineParallel = 2 });

        r.Deployment.TensorParallel.ShouldBe(4);
        r.Deployment.Replicas.ShouldBe(1);
        r.Deployment.Weights.ShouldBe(Precision.Bf16);
        r.Deployment.CollectiveLatency.ShouldBe(ServingDefaults.CollectiveLatency);
        r.Label.ShouldBe("llama-3.1-70b 8×h100-sxm bf16");
        r.Priced.ShouldBeTrue();
    }

    [Fact]
    public void Should_ReportEveryBadField_When_TheRequestIsInvalid()
    {
        var request = new DeploymentRequest
        {
            Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 0, Weights = "int3", MemoryReserve = 1, PowerUtilization = double.NaN,
            CollectiveLatency = Duration.FromSeconds(5), Price = new PriceRequest { Pue = 0.9 },
        };

        var e = Should.Throw<InputException>(() => DeploymentResolver.Resolve(BurnrateCatalog.Embedded, request));

        e.Errors.Select(x => x.Field).ShouldBe(["gpus", "memoryReserve", "powerUtilization", "collectiveLatency", "weights", "pue"]);
    }

    [Fact]
    public void Should_NameTheLayout_When_DevicesAreNotAMultipleOfTheReplica()
    {
        var e = Should.Throw<InputException>(() => DeploymentResolver.Resolve(BurnrateCatalog.Embedded, new DeploymentRequest { Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 4, TensorParallel = 3 }));

        e.Message.ShouldBe("llama-3.1-8b 4×h100-sxm bf16: devices (4) must be a multiple of tp × pp (3 × 1)");
    }

    [Fact]
    public void Should_SuggestTheNearestId_When_TheAcceleratorIsUnknown()
    {
        var e = Should.Throw<CatalogException>(() => DeploymentResolver.Resolve(BurnrateCatalog.Embedded, new DeploymentRequest { Model = "llama-3.1-8b", Gpu = "h100-sxn" }));

        e.Message.ShouldContain("h100-sxm");
    }
}
