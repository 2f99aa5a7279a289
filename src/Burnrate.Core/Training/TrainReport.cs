using System.Globalization;
using System.Text.Json.Serialization;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;

namespace Burnrate.Core.Training;

/// <summary>
/// The answer of <c>burnrate train</c> and <c>POST /api/train</c> (the train JSON contract: base units, the unit in every
/// name): compute, time, energy, cost, emissions and memory of a training run, with the formulas, their sources and the
/// assumptions. Built from a <see cref="TrainingEstimate"/> by <see cref="From"/>, never recomputed.
/// </summary>
public sealed record TrainReport
{
    /// <summary>Gets the model id, or "N parameters (no architecture)" for a bare parameter count.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the parameters stored.</summary>
    public required double TotalParams { get; init; }

    /// <summary>Gets the parameters a token passes through.</summary>
    public required double ActiveParams { get; init; }

    /// <summary>Gets the parameters whose matmuls a token computes (the N of 6·N·T).</summary>
    public required double ActiveComputeParams { get; init; }

    /// <summary>Gets the accelerator id.</summary>
    public required string Gpu { get; init; }

    /// <summary>Gets the matmul precision id.</summary>
    public required string Precision { get; init; }

    /// <summary>Gets the training tokens.</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets the sequence length in tokens.</summary>
    public required int SeqLen { get; init; }

    /// <summary>Gets the model FLOPs of the run (attention included).</summary>
    public required double TrainingFlops { get; init; }

    /// <summary>Gets the attention part of <see cref="TrainingFlops"/>.</summary>
    public required double AttentionFlops { get; init; }

    /// <summary>Gets the multi-token prediction part of <see cref="TrainingFlops"/>, or null when the model trains no MTP modules.</summary>
    public double? MtpFlops { get; init; }

    /// <summary>Gets the FLOPs the hardware executes, recomputation included.</summary>
    public required double HardwareFlops { get; init; }

    /// <summary>Gets the formula of <see cref="TrainingFlops"/>.</summary>
    public string TrainingFlopsFormula { get; init; } = Training.TrainingFlops.ModelFormula;

    /// <summary>Gets the source of <see cref="TrainingFlopsFormula"/>.</summary>
    public string TrainingFlopsSource { get; init; } = Training.TrainingFlops.ModelSource;

    /// <summary>Gets the formula of <see cref="HardwareFlops"/>.</summary>
    public string HardwareFlopsFormula { get; init; } = Training.TrainingFlops.HardwareFormula;

    /// <summary>Gets the source of <see cref="HardwareFlopsFormula"/>.</summary>
    public string HardwareFlopsSource { get; init; } = Training.TrainingFlops.HardwareSource;

    /// <summary>Gets the dense peak FLOP/s of one device at the MFU basis.</summary>
    public required double PeakFlopsPerSecondPerGpu { get; init; }

    /// <summary>Gets the model FLOPs utilization.</summary>
    public required double Mfu { get; init; }

    /// <summary>Gets the hardware FLOPs utilization (MFU × hardware ÷ model FLOPs).</summary>
    public required double Hfu { get; init; }

    /// <summary>Gets the number of devices.</summary>
    public required int Gpus { get; init; }

    /// <summary>Gets the deadline in days the device count was derived from, or null when the count was given.</summary>
    public double? DeadlineDays { get; init; }

    /// <summary>Gets the layout.</summary>
    public required TrainParallelism Parallelism { get; init; }

    /// <summary>Gets the sharding: "zero-0".."zero-3" or "fsdp".</summary>
    public required string Sharding { get; init; }

    /// <summary>Gets the activation recomputation: "none", "selective" or "full".</summary>
    public required string Recompute { get; init; }

    /// <summary>Gets the sequences per device per micro-step.</summary>
    public required int MicroBatchSequences { get; init; }

    /// <summary>Gets the sequences per optimizer step, or null when not given.</summary>
    public int? GlobalBatchSequences { get; init; }

    /// <summary>Gets the micro-steps per optimizer step, or null without a global batch.</summary>
    public int? GradientAccumulationSteps { get; init; }

    /// <summary>Gets the optimizer steps of the run, or null without a global batch.</summary>
    public double? OptimizerSteps { get; init; }

    /// <summary>Gets the time the devices spend training, in seconds (wall-clock without interruptions).</summary>
    public required double RunningSeconds { get; init; }

    /// <summary>Gets the time lost to interruptions as a fraction of the running time.</summary>
    public required double InterruptionOverheadFraction { get; init; }

    /// <summary>Gets the wall-clock time in seconds, interruptions included.</summary>
    public required double WallClockSeconds { get; init; }

    /// <summary>Gets the wall-clock time in days.</summary>
    public required double WallClockDays { get; init; }

    /// <summary>Gets the formula of the wall-clock time.</summary>
    public string WallClockFormula { get; init; } = TrainingEstimator.TimeFormula;

    /// <summary>Gets the device-hours.</summary>
    public required double GpuHours { get; init; }

    /// <summary>Gets the training tokens per second.</summary>
    public required double TokensPerSecond { get; init; }

    /// <summary>Gets the energy in kWh, PUE included.</summary>
    public required double EnergyKWh { get; init; }

    /// <summary>Gets the formula of the energy and emissions.</summary>
    public string EnergyFormula { get; init; } = TrainingEstimator.EnergyFormula;

    /// <summary>Gets the price of one device-hour in USD.</summary>
    public required double PricePerGpuHourUsd { get; init; }

    /// <summary>Gets the cost of the run in USD.</summary>
    public required double CostUsd { get; init; }

    /// <summary>Gets the emissions in tonnes CO2e.</summary>
    public required double EmissionsTonnesCo2e { get; init; }

    /// <summary>Gets the memory one device needs in the chosen layout, in bytes.</summary>
    public required double MemoryPerGpuBytes { get; init; }

    /// <summary>Gets the memory of one device, in bytes.</summary>
    public required double GpuMemoryBytes { get; init; }

    /// <summary>Gets whether the chosen layout fits in device memory.</summary>
    public required bool FitsInMemory { get; init; }

    /// <summary>Gets the memory missing per device in the chosen layout, in bytes (0 when it fits).</summary>
    public required double MemoryShortfallBytes { get; init; }

    /// <summary>Gets the chosen layout's memory by kind.</summary>
    public required TrainMemoryBytes MemoryBreakdownBytes { get; init; }

    /// <summary>Gets the formulas of the memory.</summary>
    public string MemoryFormula { get; init; } = TrainingMemory.StatesFormula + "; activations: " + TrainingMemory.ActivationFormula;

    /// <summary>Gets the sources of <see cref="MemoryFormula"/>.</summary>
    public string MemorySource { get; init; } = TrainingMemory.Source;

    /// <summary>Gets the least-memory layout on the same devices.</summary>
    public required TrainLeastMemoryLayout LeastMemoryLayout { get; init; }

    /// <summary>Gets the one-line memory verdict when the chosen layout does not fit, or null when it does.</summary>
    public string? DoesNotFit { get; init; }

    /// <summary>Gets the assumptions, each with its value and source, in display order.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets the estimate the report was built from, for renderers that show its typed quantities (not part of the
    /// JSON contract; null when the report was read back from JSON).</summary>
    [JsonIgnore]
    public TrainingEstimate? Estimate { get; init; }

    /// <summary>Gets the id of a sharding strategy as files and the command line spell it.</summary>
    /// <param name="sharding">The strategy.</param>
    /// <returns>"zero-0".."zero-3" or "fsdp".</returns>
    public static string ShardingName(ShardingStrategy sharding) =>
        sharding == ShardingStrategy.Fsdp ? "fsdp" : "zero-" + ((int)sharding).ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the one-line memory verdict of an estimate when its layout does not fit, or null when it does.</summary>
    /// <param name="e">The estimate.</param>
    /// <returns>The verdict, naming the shortfall in bytes and the least-memory layout.</returns>
    public static string? FitMessage(TrainingEstimate e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.FitsInMemory)
        {
            return null;
        }

        LayoutMemory best = e.LeastMemory;
        return e.FitsAtSomeLayout
            ? string.Create(CultureInfo.InvariantCulture, $"does not fit: {e.Memory.Total} per GPU needed, {e.DeviceMemory} available, short by {e.Shortfall} ({e.Shortfall.Value.ToString("0", CultureInfo.InvariantCulture)} bytes); {best.Layout} with {ShardingName(best.Sharding)} and full recompute needs {best.Total} and fits")
            : string.Create(CultureInfo.InvariantCulture, $"does not fit at any parallelism {e.Run.Devices} GPUs allow: the least-memory layout ({best.Layout}, {ShardingName(best.Sharding)}, full recompute, micro-batch 1) needs {best.Total} per GPU, {e.DeviceMemory} available, short by {e.ShortfallAtBestLayout} ({e.ShortfallAtBestLayout.Value.ToString("0", CultureInfo.InvariantCulture)} bytes)");
    }

    /// <summary>Reports a training estimate: copies every figure, formula and source.</summary>
    /// <param name="e">The estimate.</param>
    /// <param name="model">How to name the model.</param>
    /// <param name="deadlineDays">The deadline the device count was derived from, or null.</param>
    /// <param name="assumptions">The assumptions to state (the estimate's own included).</param>
    /// <returns>The report.</returns>
    public static TrainReport From(TrainingEstimate e, string model, double? deadlineDays, IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(e);
        TrainingRun run = e.Run;
        return new TrainReport
        {
            Model = model,
            TotalParams = run.Parameters.Total,
            ActiveParams = run.Parameters.ActivePerToken,
            ActiveComputeParams = run.Parameters.ActiveCompute,
            Gpu = run.Accelerator.Id,
            Precision = run.Precision.Id(),
            Tokens = run.Tokens.Value,
            SeqLen = run.SequenceLength,
            TrainingFlops = e.ModelFlops.Value,
            AttentionFlops = e.AttentionFlops.Value,
            MtpFlops = e.MtpFlops.Value > 0 ? e.MtpFlops.Value : null,
            HardwareFlops = e.HardwareFlops.Value,
            PeakFlopsPerSecondPerGpu = e.PeakPerDevice.Value,
            Mfu = run.Mfu.Value,
            Hfu = e.Hfu,
            Gpus = run.Devices,
            DeadlineDays = deadlineDays,
            Parallelism = TrainParallelism.From(e.Layout),
            Sharding = ShardingName(run.Sharding),
            Recompute = RecomputeName(run.Recompute),
            MicroBatchSequences = run.MicroBatch,
            GlobalBatchSequences = run.GlobalBatch,
            GradientAccumulationSteps = e.GradientAccumulationSteps,
            OptimizerSteps = e.OptimizerSteps,
            RunningSeconds = e.RunningTime.Seconds,
            InterruptionOverheadFraction = e.InterruptionOverhead,
            WallClockSeconds = e.WallClock.Seconds,
            WallClockDays = e.WallClock.Days,
            GpuHours = e.GpuHours.Value,
            TokensPerSecond = e.TokensPerSecond,
            EnergyKWh = e.Energy.KWh,
            PricePerGpuHourUsd = run.PricePerDeviceHour.Value,
            CostUsd = e.Cost.Value,
            EmissionsTonnesCo2e = e.Emissions.Tonnes,
            MemoryPerGpuBytes = e.Memory.Total.Value,
            GpuMemoryBytes = e.DeviceMemory.Value,
            FitsInMemory = e.FitsInMemory,
            MemoryShortfallBytes = e.Shortfall.Value,
            MemoryBreakdownBytes = TrainMemoryBytes.From(e.Memory),
            LeastMemoryLayout = new TrainLeastMemoryLayout(
                TrainParallelism.From(e.LeastMemory.Layout),
                ShardingName(e.LeastMemory.Sharding),
                RecomputeName(e.LeastMemory.Recompute),
                e.LeastMemory.MicroBatch,
                e.LeastMemory.Total.Value,
                TrainMemoryBytes.From(e.LeastMemory.Memory),
                e.FitsAtSomeLayout,
                e.ShortfallAtBestLayout.Value),
            DoesNotFit = FitMessage(e),
            Assumptions = assumptions,
            Estimate = e,
        };
    }

    /// <summary>Gets the id of a recomputation mode: "none", "selective" or "full".</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The id.</returns>
    public static string RecomputeName(RecomputeMode mode) => mode.ToString().ToLowerInvariant();
}
