using System.CommandLine;
using System.Globalization;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Inference;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>Tables, JSON and files of <c>burnrate optimize</c>.</summary>
internal sealed partial class OptimizeCommand
{
    private static readonly string[] Header =
    [
        "model", "gpu", "gpus", "tp", "pp", "ep", "weights", "kv", "compute", "concurrency", "ttftSeconds", "tpotSeconds", "e2eSeconds", "outputTokensPerSecond",
        "costPerHourUsd", "costPerRequestUsd", "costPerMillionInputTokensUsd", "costPerMillionOutputTokensUsd", "costPerMillionOutputTokensAllInUsd", "memoryPerGpuBytes", "decodeBound",
    ];

    private static (SearchCandidate Candidate, InferenceDeployment Deployment, InferenceWorkload Workload, InferenceResult Result) Full(SearchSpace space, SearchCandidate c)
    {
        InferenceDeployment d = InferenceSearch.Deployment(space, c);
        var w = new InferenceWorkload(space.InputTokens, space.OutputTokens, c.Concurrency);
        return (c, d, w, InferenceEstimator.Estimate(space.Models[c.Model], d, w, space.Efficiency));
    }

    private static Dictionary<string, object?> Json(SearchSpace space, SearchCandidate c, IReadOnlyList<Assumption>? assumptions)
    {
        var (_, d, w, r) = Full(space, c);
        Dictionary<string, object?> json = InferenceJson.Result(space.Models[c.Model].Id, d, w, r, assumptions);
        json["costPerMillionOutputTokensAllInUsd"] = r.CostPerRequest.Value / space.OutputTokens * 1e6;
        return json;
    }

    private static void WriteJson(ParseResult parse, OptimizeReport report)
    {
        SearchResult r = report.Result;
        var json = new Dictionary<string, object?>
        {
            ["evaluated"] = r.Evaluated,
            ["feasible"] = r.Feasible,
            ["rejected"] = new { Memory = r.FailedMemory, Ttft = r.FailedTtft, Tpot = r.FailedTpot, Budget = r.FailedBudget },
            ["searchSeconds"] = report.Elapsed.TotalSeconds,
            ["best"] = r.Cheapest.Count > 0 ? Json(report.Space, r.Cheapest[0], null) : null,
            ["cheapest"] = r.Cheapest.Select(c => Json(report.Space, c, null)).ToList(),
            ["pareto"] = r.Pareto.Select(c => Json(report.Space, c, null)).ToList(),
            ["assumptions"] = report.Assumptions.Select(a => new { a.Name, a.Value, a.Source }).ToList(),
        };
        Output.WriteJson(parse, json);
    }

    private static void Render(ParseResult parse, OptimizeReport report, string? outDir)
    {
        SearchResult r = report.Result;
        IAnsiConsole console = Output.Console(parse);
        double rate = r.Evaluated / Math.Max(report.Elapsed.TotalSeconds, 1e-9);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Evaluated {r.Evaluated:#,0} configurations in {report.Elapsed.TotalMilliseconds:0.#} ms ({rate / 1e6:0.##} M/s); {r.Feasible:#,0} meet every limit."));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rejected (a configuration can fail several ways): memory {r.FailedMemory:#,0}, TTFT > {report.Space.Slo.Ttft} {r.FailedTtft:#,0}, TPOT > {report.Space.Slo.Tpot} {r.FailedTpot:#,0}, budget {r.FailedBudget:#,0}."));
        if (r.Cheapest.Count == 0)
        {
            console.WriteLine("No configuration meets every limit: relax the SLOs, allow more devices or accelerators, or raise the budget.");
        }
        else
        {
            console.Write(Table("Cheapest configurations per request (best concurrency of each hardware setup)", report.Space, r.Cheapest));
            console.Write(Table("Cost–latency Pareto frontier (no configuration is both faster and cheaper)", report.Space, r.Pareto));
        }

        AssumptionsTable.Write(console, report.Assumptions);
        if (outDir is not null)
        {
            console.WriteLine("Wrote pareto.csv, pareto.png and cheapest.csv to " + outDir);
        }
    }

    private static Table Table(string title, SearchSpace space, IReadOnlyList<SearchCandidate> rows)
    {
        var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (string c in new[] { "model", "gpu", "devices", "tp×pp", "ep", "weights/kv", "concurrency", "TTFT", "TPOT", "$/1M in", "$/1M out", "$/1M out all-in", "$/request", "$/h", "bound" })
        {
            t.AddColumn(c);
        }

        foreach (SearchCandidate c in rows)
        {
            var (_, d, _, r) = Full(space, c);
            t.AddRow(
                Markup.Escape(space.Models[c.Model].Id), Markup.Escape(d.Accelerator.Id), I(c.Devices), $"{c.Tp}×{c.Pp}", I(c.Ep), $"{c.Weights.Id()}/{c.KvCache.Id()}", I(c.Concurrency),
                r.Ttft.ToString(), r.Tpot.ToString(), SiFormat.Dollars(r.CostPerMillionInputTokens.Value), SiFormat.Dollars(r.CostPerMillionOutputTokens.Value),
                SiFormat.Dollars(r.CostPerRequest.Value / space.OutputTokens * 1e6), r.CostPerRequest.Value.ToString("$0.######", CultureInfo.InvariantCulture),
                SiFormat.Dollars(r.CostPerHour.Value), InferenceJson.Bound(r.DecodeBound));
        }

        return t;
    }

    private static void WriteFiles(string dir, OptimizeReport report)
    {
        Directory.CreateDirectory(dir);
        SearchSpace space = report.Space;
        CsvTable.Write(Path.Combine(dir, "pareto.csv"), Header, report.Result.Pareto.Select(c => (IReadOnlyList<string>)Row(space, c)));
        CsvTable.Write(Path.Combine(dir, "cheapest.csv"), Header, report.Result.Cheapest.Select(c => (IReadOnlyList<string>)Row(space, c)));
        InferenceCharts.SavePareto(
            Path.Combine(dir, "pareto.png"),
            string.Create(CultureInfo.InvariantCulture, $"Pareto frontier: {space.InputTokens} in / {space.OutputTokens} out, TTFT ≤ {space.Slo.Ttft}, TPOT ≤ {space.Slo.Tpot}"),
            report.Result.Pareto.Select(c => new CurvePoint(
                c.TpotSeconds * 1e3,
                c.CostPerRequestUsd / space.OutputTokens * 1e6,
                $"{space.Models[c.Model].Id} {c.Devices}×{space.Accelerators[c.Accelerator].Spec.Id} {c.Weights.Id()} c={c.Concurrency}")).ToList());
    }

    private static string[] Row(SearchSpace space, SearchCandidate c)
    {
        var (_, d, _, r) = Full(space, c);
        return
        [
            space.Models[c.Model].Id, d.Accelerator.Id, I(c.Devices), I(c.Tp), I(c.Pp), I(c.Ep), c.Weights.Id(), c.KvCache.Id(), c.Compute.Id(), I(c.Concurrency),
            D(r.Ttft.Seconds), D(r.Tpot.Seconds), D(r.E2e.Seconds), D(r.OutputTokensPerSecond), D(r.CostPerHour.Value), D(r.CostPerRequest.Value),
            D(r.CostPerMillionInputTokens.Value), D(r.CostPerMillionOutputTokens.Value), D(r.CostPerRequest.Value / space.OutputTokens * 1e6),
            D(r.MemoryPerDevice.Value), InferenceJson.Bound(r.DecodeBound),
        ];
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
