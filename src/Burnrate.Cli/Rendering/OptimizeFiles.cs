using System.Globalization;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Inference;

namespace Burnrate.Cli.Rendering;

/// <summary>The files <c>burnrate optimize --out DIR</c> writes: pareto.csv, cheapest.csv and the Pareto chart (PNG + SVG).</summary>
internal static class OptimizeFiles
{
    private static readonly string[] Header =
    [
        "model", "gpu", "gpus", "replicas", "tp", "pp", "ep", "weights", "kv", "compute", "concurrency", "ttftSeconds", "tpotSeconds", "e2eSeconds", "outputTokensPerSecond",
        "costPerHourUsd", "costPerRequestUsd", "costPerMillionInputTokensUsd", "costPerMillionOutputTokensUsd", "costPerMillionOutputTokensAllInUsd", "memoryPerGpuBytes", "decodeBound",
    ];

    public static IReadOnlyList<string> Write(string dir, OptimizeReport report)
    {
        Directory.CreateDirectory(dir);
        string pareto = Path.Combine(dir, "pareto.csv"), cheapest = Path.Combine(dir, "cheapest.csv");
        CsvTable.Write(pareto, Header, report.Pareto.Select(c => (IReadOnlyList<string>)Row(c)));
        CsvTable.Write(cheapest, Header, report.Cheapest.Select(c => (IReadOnlyList<string>)Row(c)));
        IReadOnlyList<string> chart = InferenceCharts.SavePareto(
            Path.Combine(dir, "pareto.png"),
            string.Create(CultureInfo.InvariantCulture, $"Pareto frontier: {report.InputTokens} in / {report.OutputTokens} out, TTFT ≤ {report.Slo.Ttft}, TPOT ≤ {report.Slo.Tpot}"),
            [.. report.Pareto.Where(c => c.TpotSeconds is not null && c.CostPerMillionOutputTokensAllInUsd is not null).Select(c => new CurvePoint(
                c.TpotSeconds!.Value * 1e3,
                c.CostPerMillionOutputTokensAllInUsd!.Value,
                $"{c.Model} {c.Gpus}×{c.Gpu} {c.Weights} c={c.Concurrency}"))]);
        return [pareto, cheapest, .. chart];
    }

    private static string[] Row(OptimizeConfiguration c) =>
    [
        c.Model, c.Gpu, I(c.Gpus), I(c.Replicas), I(c.Tp), I(c.Pp), I(c.Ep), c.Weights, c.Kv, c.Compute, I(c.Concurrency),
        D(c.TtftSeconds), D(c.TpotSeconds), D(c.E2eSeconds), D(c.OutputTokensPerSecond), D(c.CostPerHourUsd), D(c.CostPerRequestUsd),
        D(c.CostPerMillionInputTokensUsd), D(c.CostPerMillionOutputTokensUsd), D(c.CostPerMillionOutputTokensAllInUsd),
        D(c.MemoryPerGpuBytes), c.DecodeBound ?? "",
    ];

    private static string I(int v) => NumberText.Whole(v);

    private static string D(double? v) => v is { } x ? NumberText.RoundTrip(x) : "";
}
