using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Inference;

namespace Burnrate.Cli.Rendering;

/// <summary>The files <c>burnrate infer --out DIR</c> writes: sweep.csv and the sweep chart (PNG + SVG), compare.csv. A figure that is not
/// priced (the configuration does not fit) is an empty cell.</summary>
internal static class InferFiles
{
    private static readonly string[] SweepHeader =
    [
        "concurrency", "ttftSeconds", "tpotSeconds", "e2eSeconds", "outputTokensPerSecond", "requestsPerSecond", "costPerMillionInputTokensUsd",
        "costPerMillionOutputTokensUsd", "costPerRequestUsd", "energyJoulesPerOutputToken", "memoryPerGpuBytes", "fitsInMemory", "decodeBound",
    ];

    public static IReadOnlyList<string> Write(string dir, InferReport report)
    {
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        if (report.Sweep is { Count: > 0 } sweep)
        {
            written.Add(Path.Combine(dir, "sweep.csv"));
            CsvTable.Write(written[^1], SweepHeader, sweep.Select(s => (IReadOnlyList<string>)Row(s)));
            written.AddRange(InferenceCharts.SaveSweep(
                Path.Combine(dir, "sweep.png"),
                $"{report.Label}: {report.InputTokens} in / {report.OutputTokens} out",
                [.. sweep.Where(s => s.OutputTokensPerSecond is not null && s.TpotSeconds is not null)
                    .Select(s => new CurvePoint(s.OutputTokensPerSecond!.Value, s.TpotSeconds!.Value * 1e3, "c=" + NumberText.Whole(s.Concurrency)))]));
        }

        if (report.Compare is { Count: > 1 } compared)
        {
            written.Add(Path.Combine(dir, "compare.csv"));
            CsvTable.Write(
                written[^1],
                ["configuration", .. SweepHeader, "savingVsFirst"],
                compared.Select(c => (IReadOnlyList<string>)[c.Label, .. Row(c), D(c.SavingVsFirst)]));
        }

        return written;
    }

    private static string[] Row(InferEstimate e) =>
    [
        NumberText.Whole(e.Concurrency), D(e.TtftSeconds), D(e.TpotSeconds), D(e.E2eSeconds), D(e.OutputTokensPerSecond), D(e.RequestsPerSecond),
        D(e.CostPerMillionInputTokensUsd), D(e.CostPerMillionOutputTokensUsd), D(e.CostPerRequestUsd), D(e.EnergyJoulesPerOutputToken),
        D(e.MemoryPerGpuBytes), e.FitsInMemory ? "true" : "false", e.DecodeBound ?? "",
    ];

    private static string D(double? v) => v is { } x ? NumberText.RoundTrip(x) : "";
}
