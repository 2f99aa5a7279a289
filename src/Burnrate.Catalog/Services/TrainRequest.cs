using Burnrate.Catalog.Resolution;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Services;

/// <summary>
/// What <see cref="TrainService.Run"/> estimates: a model (or a bare parameter count), the training tokens, the accelerator
/// and either a device count or a deadline, and optional overrides of the layout, sharding, recomputation, batch, MFU, grid
/// intensity and price. Null fields take the sourced defaults of <see cref="TrainingDefaults"/>, and the report says which
/// values were defaults.
/// </summary>
public sealed record TrainRequest
{
    /// <summary>Gets a catalog model id, a Hugging Face config.json path, or a bare parameter count such as "70B" or "7e10".</summary>
    public required string Model { get; init; }

    /// <summary>Gets the training tokens.</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets the catalog accelerator id.</summary>
    public required string Gpu { get; init; }

    /// <summary>Gets the number of devices; give this or <see cref="Days"/>.</summary>
    public int? Gpus { get; init; }

    /// <summary>Gets a deadline in days: the report gives the fewest devices that finish in it. Give this or <see cref="Gpus"/>.</summary>
    public double? Days { get; init; }

    /// <summary>Gets the training sequence length in tokens (default: min(model context, 8192)).</summary>
    public int? SequenceLength { get; init; }

    /// <summary>Gets the matmul precision that sets the peak FLOP/s: bf16 (default), fp16 or fp8.</summary>
    public string? Precision { get; init; }

    /// <summary>Gets the model FLOPs utilization in (0, 1] (default 0.40, Llama 3 paper).</summary>
    public double? Mfu { get; init; }

    /// <summary>Gets the tensor-parallel degree (default 1).</summary>
    public int? TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree (default 1).</summary>
    public int? PipelineParallel { get; init; }

    /// <summary>Gets the data-parallel degree; when given it must equal gpus ÷ (tp·pp). Not allowed with <see cref="Days"/>.</summary>
    public int? DataParallel { get; init; }

    /// <summary>Gets the expert-parallel degree for MoE models, carved out of data parallelism (default 1).</summary>
    public int? ExpertParallel { get; init; }

    /// <summary>Gets the ZeRO stage 0–3 (default 1: sharded optimizer states); not with <see cref="Fsdp"/>.</summary>
    public int? Zero { get; init; }

    /// <summary>Gets whether to use PyTorch FSDP full sharding (the memory of ZeRO-3).</summary>
    public bool Fsdp { get; init; }

    /// <summary>Gets the activation recomputation: none, selective (default) or full.</summary>
    public string? Recompute { get; init; }

    /// <summary>Gets the sequences per device per micro-step (default 1).</summary>
    public int? MicroBatch { get; init; }

    /// <summary>Gets the sequences per optimizer step (a multiple of micro-batch × dp), or null.</summary>
    public int? GlobalBatch { get; init; }

    /// <summary>Gets how attention FLOPs are counted: causal (default, half of PaLM's 12·L·H·Q·s) or full.</summary>
    public string? AttentionFlops { get; init; }

    /// <summary>Gets the job interruptions per device-hour of running (default ≈ 2.44e-5, Llama 3 paper); 0 turns interruptions off.</summary>
    public double? InterruptionsPerDeviceHour { get; init; }

    /// <summary>Gets the minutes one interruption costs the whole job (default ≈ 16.7, Llama 3 paper).</summary>
    public double? MinutesLostPerInterruption { get; init; }

    /// <summary>Gets the share of the tensor-parallel all-reduces hidden behind compute, 0–1 (default 0: Megatron-LM runs them
    /// on the critical path); it moves the default MFU only.</summary>
    public double? TpCommOverlap { get; init; }

    /// <summary>Gets the grid carbon intensity in kg CO2e per kWh (default 0.4).</summary>
    public double? GridKgCo2PerKWh { get; init; }

    /// <summary>Gets the price policy's inputs.</summary>
    public PriceRequest Price { get; init; } = new();

    /// <summary>Checks every field against its documented finite range (ids are checked against the catalog when running).</summary>
    /// <returns>Every bad field; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var checks = new FieldChecks()
            .Require(!string.IsNullOrWhiteSpace(Model), "model", Model ?? "", "a catalog model id, a config.json path or a parameter count such as 70B")
            .Range("tokens", Tokens, 1, 1e18, unit: "tokens")
            .Require(!string.IsNullOrWhiteSpace(Gpu), "gpu", Gpu ?? "", "a catalog accelerator id")
            .Whole("gpus", Gpus, 1, 10_000_000)
            .Positive("days", Days, 36_500, "days")
            .Require(Gpus is not null || Days is not null, "gpus", "", "a device count, or a deadline in days to get the count needed")
            .Require(Gpus is null || Days is null, "days", FieldChecks.Show(Days ?? 0), "no deadline when a device count is given (give one of them)")
            .Whole("sequenceLength", SequenceLength, 1, 10_000_000, "tokens")
            .Require(IsOneOf(Precision, "bf16", "fp16", "fp8"), "precision", Precision ?? "", "bf16, fp16 or fp8 (a training precision)")
            .Efficiency("mfu", Mfu)
            .Whole("tensorParallel", TensorParallel, 1, 65_536)
            .Whole("pipelineParallel", PipelineParallel, 1, 65_536)
            .Whole("dataParallel", DataParallel, 1, 10_000_000)
            .Whole("expertParallel", ExpertParallel, 1, 65_536)
            .Require(DataParallel is null || Days is null, "dataParallel", DataParallel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", "no data-parallel degree with a deadline (it is derived from the device count)")
            .Whole("zero", Zero, 0, 3)
            .Require(Zero is null || !Fsdp, "fsdp", "true", "either a ZeRO stage or FSDP, not both")
            .Require(IsOneOf(Recompute, "none", "selective", "full"), "recompute", Recompute ?? "", "none, selective or full")
            .Whole("microBatch", MicroBatch, 1, 1_000_000, "sequences")
            .Whole("globalBatch", GlobalBatch, 1, 1_000_000_000, "sequences")
            .Require(IsOneOf(AttentionFlops, "causal", "full"), "attentionFlops", AttentionFlops ?? "", "causal or full")
            .Range("interruptionsPerDeviceHour", InterruptionsPerDeviceHour, 0, Core.Training.TrainingRun.MaxInterruptionsPerDeviceHour, unit: "per device-hour")
            .Range("minutesLostPerInterruption", MinutesLostPerInterruption, 0, Core.Training.TrainingRun.MaxLostPerInterruption.Seconds / 60, unit: "minutes")
            .Range("tpCommOverlap", TpCommOverlap, 0, 1)
            .Range("gridKgCo2PerKWh", GridKgCo2PerKWh, 0, 10, unit: "kg CO2e per kWh");
        return checks.AddRange((Price ?? new PriceRequest()).Validate());
    }

    /// <summary>Gets whether <paramref name="text"/> is null or one of <paramref name="ids"/>, ignoring case.</summary>
    internal static bool IsOneOf(string? text, params string[] ids) => text is null || ids.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);
}
