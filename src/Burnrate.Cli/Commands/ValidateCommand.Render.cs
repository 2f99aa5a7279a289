using System.CommandLine;
using System.Globalization;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Core.Validation;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>Tables and JSON of <c>burnrate validate</c>.</summary>
internal sealed partial class ValidateCommand
{
    private static readonly Dictionary<ValidationMetric, string> Units = new()
    {
        [ValidationMetric.DecodeTokensPerSecond] = "tok/s/seq",
        [ValidationMetric.TtftMs] = "ms TTFT",
        [ValidationMetric.PrefillTokensPerSecond] = "prefill tok/s",
        [ValidationMetric.OutputTokensPerSecond] = "out tok/s",
        [ValidationMetric.GpuHours] = "GPU-h",
        [ValidationMetric.ModelTflopsPerDevice] = "TFLOP/s/dev",
    };

    private static object Json(ValidationReport report) => new
    {
        groups = report.Groups.Select(g => new
        {
            name = g.Name,
            n = g.Count,
            medianAbsErrorPercent = Math.Round(g.MedianAbsErrorPercent, 2),
            worst = new { id = g.WorstId, errorPercent = Math.Round(g.WorstErrorPercent, 2) },
        }),
        cases = report.Outcomes.Select(o => new
        {
            id = o.Case.Id,
            group = o.Case.Group,
            metric = MetricId(o.Case.Metric),
            measured = o.Case.Measured,
            predicted = Math.Round(o.Predicted, 4),
            errorPercent = Math.Round(o.ErrorPercent, 2),
            engine = o.Case.Engine,
            training = o.Case.Run is { } run ? new
            {
                mfu = Math.Round(run.Mfu.Value, 4),
                tpCommPercentOfRunning = Math.Round(100 * TrainingCommunication.RunningShare(run), 2),
                tpCommOverlap = run.TensorParallelOverlap,
                interruptionOverheadPercent = Math.Round(100 * TrainingEstimator.InterruptionOverhead(run), 2),
            } : null,
            source = o.Case.Source,
            date = o.Case.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
    };

    private static string MetricId(ValidationMetric m) => char.ToLowerInvariant(m.ToString()[0]) + m.ToString()[1..];

    private static void Render(ParseResult parse, ValidationReport report, IReadOnlyList<string> charts)
    {
        IAnsiConsole console = Output.Console(parse);
        var cases = new Table().Border(TableBorder.Simple).Title("Cases: predicted vs measured (error = (predicted − measured) ÷ measured)");
        foreach (string column in new[] { "group", "case", "unit", "measured", "predicted", "error" })
        {
            cases.AddColumn(new TableColumn(column));
        }

        foreach (ValidationOutcome o in report.Outcomes)
        {
            cases.AddRow(o.Case.Group, o.Case.Id, Units[o.Case.Metric], Num(o.Case.Measured), Num(o.Predicted), Pct(o.ErrorPercent));
        }

        var groups = new Table().Border(TableBorder.Simple).Title("Groups");
        foreach (string column in new[] { "group", "n", "median |error|", "worst case", "worst error" })
        {
            groups.AddColumn(new TableColumn(column));
        }

        foreach (ValidationGroup g in report.Groups)
        {
            groups.AddRow(g.Name, g.Count.ToString(CultureInfo.InvariantCulture), Pct(g.MedianAbsErrorPercent).TrimStart('+'), g.WorstId, Pct(g.WorstErrorPercent));
        }

        console.Write(cases);
        console.Write(groups);
        if (report.Outcomes.Any(o => o.Case.Run is not null))
        {
            console.WriteLine(FormattableString.Invariant($"Training: default MFU {TrainingEstimator.DefaultMfu:0.##} at {TrainingCommunication.ReferenceLayout}; compute-only {TrainingCommunication.ComputeMfu:0.###} after that layout's tensor-parallel all-reduces ({100 * TrainingEstimator.DefaultMfu * TrainingCommunication.ReferenceShare:0.#}% of its time); each case's own charged, not overlapped unless the case sets tpCommOverlap or --tp-comm-overlap is given (--json: per-case mfu, tpCommPercentOfRunning, tpCommOverlap)."));
        }

        console.WriteLine("Sources, dates and exact setups: validation/*.yaml (or --json). Defaults: docs/infer.md, docs/train.md.");
        Output.WriteWritten(console, charts);
    }

    private static string Num(double v) => NumberText.Format(v, v >= 100 ? "#,0" : "0.##");

    private static string Pct(double v) => NumberText.Format(v, "+0.0;-0.0;0.0") + "%";
}
