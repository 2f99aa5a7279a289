using System.CommandLine;
using System.Globalization;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Reports.Inference;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>Tables, JSON and files of <c>burnrate infer</c>.</summary>
internal sealed partial class InferCommand
{
    private static readonly string[] SweepHeader =
    [
        "concurrency", "ttftSeconds", "tpotSeconds", "e2eSeconds", "outputTokensPerSecond", "requestsPerSecond", "costPerMillionInputTokensUsd",
        "costPerMillionOutputTokensUsd", "costPerRequestUsd", "energyJoulesPerOutputToken", "memoryPerGpuBytes", "fitsInMemory", "decodeBound",
    ];

    private static void WriteJson(
        ParseResult parse, ServingCase first, InferenceWorkload workload, InferenceResult result, List<Assumption> assumptions,
        List<(int Concurrency, InferenceResult Result)> sweep, List<(ServingCase Case, InferenceResult Result)> compared)
    {
        Dictionary<string, object?> json = InferenceJson.Result(first.ModelId, first.Deployment, workload, result, assumptions);
        if (sweep.Count > 0)
        {
            json["sweep"] = sweep.Select(s => InferenceJson.Result(first.ModelId, first.Deployment, workload with { Concurrency = s.Concurrency }, s.Result, null)).ToList();
        }

        if (compared.Count > 1)
        {
            double baseline = compared[0].Result.CostPerRequest.Value;
            json["compare"] = compared.Select(c =>
            {
                Dictionary<string, object?> row = InferenceJson.Result(c.Case.ModelId, c.Case.Deployment, workload, c.Result, null);
                row["savingVsFirst"] = 1 - (c.Result.CostPerRequest.Value / baseline);
                return row;
            }).ToList();
        }

        Output.WriteJson(parse, json);
    }

    private static void Render(
        ParseResult parse, ServingCase first, InferenceWorkload workload, InferenceResult r, List<Assumption> assumptions,
        List<(int Concurrency, InferenceResult Result)> sweep, List<(ServingCase Case, InferenceResult Result)> compared, string? outDir)
    {
        IAnsiConsole console = Output.Console(parse);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{first.Label}, tp {first.Deployment.TensorParallel} pp {first.Deployment.PipelineParallel}: {workload.InputTokens} in / {workload.OutputTokens} out, concurrency {workload.Concurrency}"));
        table.AddColumn("figure");
        table.AddColumn("value");
        foreach ((string name, string value) in Figures(r))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        console.Write(table);
        if (!r.FitsInMemory)
        {
            console.MarkupLine(Markup.Escape($"Does not fit: {r.MemoryShortfallPerDevice} short per device. Most concurrent requests that fit: {r.MaxConcurrency}."));
        }

        if (sweep.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("Concurrency sweep");
            foreach (string c in new[] { "concurrency", "TTFT", "TPOT", "output tok/s", "req/s", "$/1M in", "$/1M out", "$/request", "J/out token", "fits", "decode bound" })
            {
                t.AddColumn(c);
            }

            foreach ((int c, InferenceResult s) in sweep)
            {
                t.AddRow(Int(c), s.Ttft.ToString(), s.Tpot.ToString(), Num(s.OutputTokensPerSecond), Num(s.RequestsPerSecond), Money(s.CostPerMillionInputTokens.Value),
                    Money(s.CostPerMillionOutputTokens.Value), Money(s.CostPerRequest.Value), Num(s.EnergyPerOutputToken.Value), s.FitsInMemory ? "yes" : "NO", InferenceJson.Bound(s.DecodeBound));
            }

            console.Write(t);
        }

        if (compared.Count > 1)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("Side by side (saving = 1 − cost per request ÷ the first's)");
            t.AddColumn("figure");
            foreach ((ServingCase c, _) in compared)
            {
                t.AddColumn(Markup.Escape(c.Label));
            }

            double baseline = compared[0].Result.CostPerRequest.Value;
            var rows = compared.Select(c => Figures(c.Result).ToList()).ToList();
            for (int i = 0; i < rows[0].Count; i++)
            {
                t.AddRow([Markup.Escape(rows[0][i].Name), .. rows.Select(row => Markup.Escape(row[i].Value))]);
            }

            t.AddRow(["saving vs first", .. compared.Select(c => Pct(1 - (c.Result.CostPerRequest.Value / baseline)))]);
            console.Write(t);
        }

        AssumptionsTable.Write(console, assumptions, AssumptionsTable.OverridableTitle);
        if (outDir is not null)
        {
            console.WriteLine("Wrote files to " + outDir);
        }
    }

    private static IEnumerable<(string Name, string Value)> Figures(InferenceResult r)
    {
        yield return ("TTFT", r.Ttft.ToString());
        yield return ("TPOT", r.Tpot.ToString());
        yield return ("E2E latency", r.E2e.ToString());
        yield return ("output tokens/s (deployment)", Num(r.OutputTokensPerSecond));
        yield return ("requests/s", Num(r.RequestsPerSecond));
        yield return ("decode bound", $"{InferenceJson.Bound(r.DecodeBound)} (compute {r.DecodeParts.Compute}, memory {r.DecodeParts.Memory}, comm {r.DecodeParts.Communication})");
        yield return ("prefill bound", $"{InferenceJson.Bound(r.PrefillBound)} (compute {r.PrefillParts.Compute}, memory {r.PrefillParts.Memory}, comm {r.PrefillParts.Communication})");
        yield return ("KV cache per token", r.KvCacheBytesPerToken.ToString());
        yield return ("weights per device", r.WeightBytesPerDevice.ToString());
        yield return ("memory per device", r.MemoryPerDevice + (r.FitsInMemory ? " (fits)" : $" (does NOT fit: {r.MemoryShortfallPerDevice} short)"));
        yield return ("max concurrency that fits", Int(r.MaxConcurrency));
        yield return ("deployment cost", r.CostPerHour + "/h");
        yield return ("cost per 1M input tokens", r.CostPerMillionInputTokens.ToString());
        yield return ("cost per 1M output tokens", r.CostPerMillionOutputTokens.ToString());
        yield return ("cost per request", Money(r.CostPerRequest.Value));
        yield return ("prefill share of time", Pct(r.PrefillShare));
        yield return ("energy per output token", Num(r.EnergyPerOutputToken.Value) + " J");
    }

    private static void WriteFiles(
        string dir, ServingCase first, InferenceWorkload workload, List<(int Concurrency, InferenceResult Result)> sweep, List<(ServingCase Case, InferenceResult Result)> compared)
    {
        Directory.CreateDirectory(dir);
        if (sweep.Count > 0)
        {
            CsvTable.Write(Path.Combine(dir, "sweep.csv"), SweepHeader, sweep.Select(s => (IReadOnlyList<string>)Row(s.Concurrency, s.Result)));
            InferenceCharts.SaveSweep(
                Path.Combine(dir, "sweep.png"),
                $"{first.Label}: {workload.InputTokens} in / {workload.OutputTokens} out",
                sweep.Where(s => s.Result.FitsInMemory).Select(s => new CurvePoint(s.Result.OutputTokensPerSecond, s.Result.Tpot.Milliseconds, "c=" + Int(s.Concurrency))).ToList());
        }

        if (compared.Count > 1)
        {
            double baseline = compared[0].Result.CostPerRequest.Value;
            CsvTable.Write(
                Path.Combine(dir, "compare.csv"),
                ["configuration", .. SweepHeader, "savingVsFirst"],
                compared.Select(c => (IReadOnlyList<string>)[c.Case.Label, .. Row(workload.Concurrency, c.Result), D(1 - (c.Result.CostPerRequest.Value / baseline))]));
        }
    }

    private static string[] Row(int concurrency, InferenceResult r) =>
    [
        Int(concurrency), D(r.Ttft.Seconds), D(r.Tpot.Seconds), D(r.E2e.Seconds), D(r.OutputTokensPerSecond), D(r.RequestsPerSecond),
        D(r.CostPerMillionInputTokens.Value), D(r.CostPerMillionOutputTokens.Value), D(r.CostPerRequest.Value), D(r.EnergyPerOutputToken.Value),
        D(r.MemoryPerDevice.Value), r.FitsInMemory ? "true" : "false", InferenceJson.Bound(r.DecodeBound),
    ];

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => SiFormat.Plain(v);

    private static string Money(double v) => SiFormat.Dollars(v);

    private static string Pct(double v) => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
