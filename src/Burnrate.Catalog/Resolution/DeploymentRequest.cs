using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>
/// A serving deployment asked for by ids plus optional overrides: the model, the accelerator and how many, the parallel
/// layout, precisions, memory reserve, power and the price policy's inputs. Null fields take the sourced defaults
/// (<see cref="ServingDefaults"/>); <see cref="DeploymentResolver"/> turns it into an <c>InferenceDeployment</c>.
/// </summary>
public sealed record DeploymentRequest
{
    /// <summary>Gets the catalog model id or the path of a Hugging Face config.json.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the catalog accelerator id.</summary>
    public required string Gpu { get; init; }

    /// <summary>Gets the number of devices (default: replicas × tp × pp when replicas is given, else 1).</summary>
    public int? Gpus { get; init; }

    /// <summary>Gets the data-parallel serving degree: independent replicas of TP × PP devices each, requests spread evenly
    /// over them (default: gpus ÷ (tp × pp), which is 1 when tp is not given).</summary>
    public int? Replicas { get; init; }

    /// <summary>Gets the tensor-parallel degree (default: gpus ÷ (pp × replicas)).</summary>
    public int? TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree (default 1).</summary>
    public int? PipelineParallel { get; init; }

    /// <summary>Gets the expert-parallel degree for MoE models (default 1).</summary>
    public int? ExpertParallel { get; init; }

    /// <summary>Gets the weight precision id (default bf16).</summary>
    public string? Weights { get; init; }

    /// <summary>Gets the KV-cache precision id (default bf16).</summary>
    public string? KvCache { get; init; }

    /// <summary>Gets the matmul precision id (default: fp8/16-bit weights as stored, else bf16 weight-only).</summary>
    public string? Compute { get; init; }

    /// <summary>Gets the share of device memory held back for activations and workspace, in [0, 1).</summary>
    public double? MemoryReserve { get; init; }

    /// <summary>Gets the share of TDP drawn while serving, in (0, 1].</summary>
    public double? PowerUtilization { get; init; }

    /// <summary>Gets the fixed time of one collective, at most 1 s.</summary>
    public Duration? CollectiveLatency { get; init; }

    /// <summary>Gets the price policy's inputs.</summary>
    public PriceRequest Price { get; init; } = new();

    /// <summary>Gets whether a missing price is an error (default); false only where no cost is shown.</summary>
    public bool PriceRequired { get; init; } = true;

    /// <summary>Checks every field against its documented finite range (ids are checked against the catalog when resolving).</summary>
    /// <returns>Every bad field; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var checks = new FieldChecks()
            .Require(!string.IsNullOrWhiteSpace(Model), "model", Model ?? "", "a catalog model id or a config.json path")
            .Require(!string.IsNullOrWhiteSpace(Gpu), "gpu", Gpu ?? "", "a catalog accelerator id")
            .Whole("gpus", Gpus, 1, 1_000_000)
            .Whole("replicas", Replicas, 1, 1_000_000)
            .Whole("tensorParallel", TensorParallel, 1, 65_536)
            .Whole("pipelineParallel", PipelineParallel, 1, 65_536)
            .Whole("expertParallel", ExpertParallel, 1, 65_536)
            .Range("memoryReserve", MemoryReserve, 0, 1, maxExclusive: true)
            .Fraction("powerUtilization", PowerUtilization)
            .Range("collectiveLatency", CollectiveLatency?.Seconds, 0, 1, unit: "s");
        Precisions.Check(checks, "weights", Weights, ServingDefaults.WeightFormats);
        Precisions.Check(checks, "kvCache", KvCache, ServingDefaults.KvFormats);
        Precisions.Check(checks, "compute", Compute, ServingDefaults.ComputeFormats);
        return checks.AddRange((Price ?? new PriceRequest()).Validate());
    }
}
