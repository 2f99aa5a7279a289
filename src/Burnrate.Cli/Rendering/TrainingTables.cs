using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The table view of a training estimate: results with units, memory per GPU, and the assumptions.</summary>
internal static class TrainingTables
{
    public static void Write(IAnsiConsole console, TrainReport report, bool showAssumptions)
    {
        TrainingEstimate e = report.Estimate ?? throw new ArgumentException("the report carries no estimate (read back from JSON?)", nameof(report));
        string model = report.Model;
        double? deadlineDays = report.DeadlineDays;
        TrainingRun run = e.Run;
        Table result = Grid(FormattableString.Invariant($"Training {model} on {run.Tokens} with {run.Devices} × {run.Accelerator.Id} ({run.Precision.Id()})"));
        result.AddRow("training FLOPs (model)", Sci(e.ModelFlops.Value) + " FLOP, of which attention " + Sci(e.AttentionFlops.Value)
            + (e.MtpFlops.Value > 0 ? ", multi-token prediction " + Sci(e.MtpFlops.Value) : ""));
        result.AddRow("hardware FLOPs (with recompute)", Sci(e.HardwareFlops.Value) + " FLOP (HFU " + Pct(e.Hfu) + ")");
        result.AddRow("parameters (total / active per token)", SiFormat.Count(run.Parameters.Total) + " / " + SiFormat.Count(run.Parameters.ActivePerToken));
        if (deadlineDays is { } d)
        {
            result.AddRow("GPUs needed for " + NumberText.Format(d, "0.##") + " days", NumberText.Grouped(run.Devices));
        }

        result.AddRow("layout", e.Layout + ", " + report.Sharding + ", recompute " + run.Recompute.ToString().ToLowerInvariant());
        result.AddRow("wall-clock", NumberText.Format(e.WallClock.Days, "#,0.##") + " days (" + NumberText.Grouped(e.WallClock.Hours) + " h), of which interruptions " + NumberText.Format(100 * e.InterruptionOverhead / (1 + e.InterruptionOverhead), "0.##") + "%");
        result.AddRow("GPU-hours", NumberText.Grouped(e.GpuHours.Value) + " GPU-h");
        result.AddRow("throughput", SiFormat.Words(e.TokensPerSecond, "tokens/s"));
        result.AddRow("energy (incl. PUE)", NumberText.Grouped(e.Energy.KWh) + " kWh (" + e.Energy + ")");
        result.AddRow("cost", e.Cost + " at " + run.PricePerDeviceHour);
        result.AddRow("emissions", e.Emissions.ToString());
        if (e.OptimizerSteps is { } steps)
        {
            result.AddRow("optimizer steps", NumberText.Grouped(steps) + " (gradient accumulation " + (e.GradientAccumulationSteps is { } g ? NumberText.Whole(g) : "") + ")");
        }

        console.Write(result);

        Table memory = Grid("Memory per GPU (" + run.Accelerator.Id + ": " + e.DeviceMemory + ")");
        memory.AddRow("weights", e.Memory.Weights.ToString());
        memory.AddRow("gradients", e.Memory.Gradients.ToString());
        memory.AddRow("optimizer states", e.Memory.OptimizerStates.ToString());
        memory.AddRow("activations", e.Memory.Activations.ToString());
        memory.AddRow("total", e.Memory.Total + (e.FitsInMemory ? " — fits" : " — does NOT fit, short by " + e.Shortfall));
        console.Write(memory);
        if (report.DoesNotFit is { } message)
        {
            Output.WriteWrapped(console, message);
        }

        Output.WriteWrapped(console, "formulas: " + TrainingFlops.ModelFormula + "; " + TrainingEstimator.TimeFormula + "; " + TrainingEstimator.EnergyFormula);
        AssumptionsTable.WriteOrCount(console, report.Assumptions, showAssumptions);
    }

    private static Table Grid(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("quantity");
        table.AddColumn("value");
        return table;
    }

    private static string Sci(double v) => NumberText.Scientific(v);

    private static string Pct(double v) => NumberText.Percent(v);
}
