using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The <c>infer --breakdown</c> tables: one per step (decode, prefill), a row per part with its time, share of the
/// step, its own compute and memory times and its binding resource.</summary>
internal static class InferBreakdownText
{
    public static void Write(IAnsiConsole console, IReadOnlyList<StepBreakdown>? steps)
    {
        foreach (StepBreakdown step in steps ?? [])
        {
            string what = step.Step == "decode" ? "Decode step (TPOT)" : "Prefill of one prompt (TTFT alone)";
            var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{what} {Time(step.Seconds)}, {step.Bound}-bound, by part"));
            foreach (string c in new[] { "part", "time", "share", "compute", "memory", "bound" })
            {
                t.AddColumn(c);
            }

            foreach (StepPart p in step.Parts)
            {
                t.AddRow(Markup.Escape(p.Name), Time(p.Seconds), NumberText.Percent(step.Seconds > 0 ? p.Seconds / step.Seconds : 0), Time(p.ComputeSeconds), Time(p.MemorySeconds), p.Bound);
            }

            console.Write(t);
        }
    }

    private static string Time(double? seconds) => seconds is { } s ? Duration.FromSeconds(s).ToString() : InferText.NotPriced;
}
