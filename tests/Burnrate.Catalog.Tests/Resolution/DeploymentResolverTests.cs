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
    public void Should_SplitTheDevicesIntoReplicas_When_ReplicasAreGiven()
    {
        // Given: 8 devices as 4 data-parallel replicas, tp left to the resolver
        ResolvedDeployment r = DeploymentResolver.Resolve(BurnrateCatalog.Embedded, new DeploymentRequest { Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = 8, Replicas = 4 });

        // Then: each replica spans gpus ÷ replicas devices
        (r.Deployment.Devices, r.Deployment.TensorParallel, r.Deployment.Replicas).ShouldBe((8, 2, 4));
    }

    [Fact]
    public void Should_CountReplicasTimesTheReplicaDevices_When_GpusAreNotGiven()
    {
        ResolvedDeployment r = DeploymentResolver.Resolve(BurnrateCatalog.Embedded, new DeploymentRequest { Model = "llama-3.1-70b", Gpu = "h100-sxm", Replicas = 3, TensorParallel = 2, PipelineParallel = 2 });

        (r.Deployment.Devices, r.Deployment.Replicas).ShouldBe((12, 3));
        r.Label.ShouldBe("llama-3.1-70b 12×h100-sxm bf16");
    }

    [Theory]
    [InlineData(8, 3, null)]
    [InlineData(8, 4, 1)]
    [InlineData(2, 4, null)]
    public void Should_RefuseTheReplicas_When_ReplicasTimesTheReplicaDevicesAreNotTheGpus(int gpus, int replicas, int? tp)
    {
        var e = Should.Throw<InputException>(() => DeploymentResolver.Resolve(BurnrateCatalog.Embedded, new DeploymentRequest { Model = "llama-3.1-8b", Gpu = "h100-sxm", Gpus = gpus, Replicas = replicas, TensorParallel = tp }));

        e.Errors.Single().Field.ShouldBe("replicas");
        e.Errors.Single().Allowed.ShouldStartWith("replicas × tp × pp = gpus");
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
