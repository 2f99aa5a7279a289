using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Training;

namespace Burnrate.Cli.Rendering;

/// <summary>The JSON shape of a training estimate: base units, the unit in every key.</summary>
internal static class TrainingJson
{
    public static object From(TrainingEstimate e, string model, double? deadlineDays, IReadOnlyList<Assumption> assumptions)
    {
        TrainingRun run = e.Run;
        return new
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
            HardwareFlops = e.HardwareFlops.Value,
            TrainingFlopsFormula = TrainingFlops.ModelFormula,
            TrainingFlopsSource = TrainingFlops.ModelSource,
            HardwareFlopsFormula = TrainingFlops.HardwareFormula,
            HardwareFlopsSource = TrainingFlops.HardwareSource,
            PeakFlopsPerSecondPerGpu = e.PeakPerDevice.Value,
            Mfu = run.Mfu.Value,
            Hfu = e.Hfu,
            Gpus = run.Devices,
            DeadlineDays = deadlineDays,
            Parallelism = Layout(e.Layout),
            Sharding = Sharding(run.Sharding),
            Recompute = run.Recompute.ToString().ToLowerInvariant(),
            MicroBatchSequences = run.MicroBatch,
            GlobalBatchSequences = run.GlobalBatch,
            e.GradientAccumulationSteps,
            e.OptimizerSteps,
            WallClockSeconds = e.WallClock.Seconds,
            WallClockDays = e.WallClock.Days,
            WallClockFormula = TrainingEstimator.TimeFormula,
            GpuHours = e.GpuHours.Value,
            e.TokensPerSecond,
            EnergyKWh = e.Energy.KWh,
            EnergyFormula = TrainingEstimator.EnergyFormula,
            PricePerGpuHourUsd = run.PricePerDeviceHour.Value,
            CostUsd = e.Cost.Value,
            EmissionsTonnesCo2e = e.Emissions.Tonnes,
            MemoryPerGpuBytes = e.Memory.Total.Value,
            GpuMemoryBytes = e.DeviceMemory.Value,
            e.FitsInMemory,
            MemoryShortfallBytes = e.Shortfall.Value,
            MemoryBreakdownBytes = Breakdown(e.Memory),
            MemoryFormula = TrainingMemory.StatesFormula + "; activations: " + TrainingMemory.ActivationFormula,
            MemorySource = TrainingMemory.Source,
            LeastMemoryLayout = new
            {
                Parallelism = Layout(e.LeastMemory.Layout),
                Sharding = Sharding(e.LeastMemory.Sharding),
                Recompute = e.LeastMemory.Recompute.ToString().ToLowerInvariant(),
                MicroBatchSequences = e.LeastMemory.MicroBatch,
                MemoryPerGpuBytes = e.LeastMemory.Total.Value,
                MemoryBreakdownBytes = Breakdown(e.LeastMemory.Memory),
                FitsInMemory = e.FitsAtSomeLayout,
                MemoryShortfallBytes = e.ShortfallAtBestLayout.Value,
            },
            DoesNotFit = TrainingTables.FitMessage(e),
            Assumptions = assumptions.Select(a => new { a.Name, a.Value, a.Source }).ToList(),
        };
    }

    public static string Sharding(ShardingStrategy s) => s == ShardingStrategy.Fsdp ? "fsdp" : "zero-" + (int)s;

    private static object Layout(Parallelism p) => new { Tp = p.Tensor, Pp = p.Pipeline, Dp = p.Data, Ep = p.Expert };

    private static object Breakdown(MemoryBreakdown m) => new
    {
        Weights = m.Weights.Value,
        Gradients = m.Gradients.Value,
        OptimizerStates = m.OptimizerStates.Value,
        Activations = m.Activations.Value,
    };
}
