using System.Globalization;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The tables of <c>burnrate optimize</c>: search counts, the cheapest configurations, the cheapest per model (when
/// several models were searched), the Pareto frontier and the assumptions.</summary>
internal static class OptimizeText
{
    public static void Write(IAnsiConsole console, OptimizeReport report, IReadOnlyList<string> files, bool showAssumptions)
    {
        double rate = report.Evaluated / Math.Max(report.SearchSeconds, 1e-9);
        Output.WriteWrapped(console, string.Create(CultureInfo.InvariantCulture,
            $"Evaluated {report.Evaluated:#,0} configurations in {report.SearchSeconds * 1e3:0.#} ms ({rate / 1e6:0.##} M/s); {report.Feasible:#,0} meet every limit."));
        OptimizeRejections r = report.Rejected;
        Output.WriteWrapped(console, string.Create(CultureInfo.InvariantCulture,
            $"Rejected (a configuration can fail several ways): memory {r.Memory:#,0}, TTFT > {report.Slo.Ttft} {r.Ttft:#,0}, TPOT > {report.Slo.Tpot} {r.Tpot:#,0}, budget {r.Budget:#,0}."));
        if (report.Cheapest.Count == 0)
        {
            Output.WriteWrapped(console, "No configuration meets every limit: relax the SLOs, allow more devices or accelerators, or raise the budget.");
        }
        else
        {
            Table("Cheapest configurations per request (best concurrency of each hardware setup)", report.Cheapest).Write(console);
            if (report.BestByModel is { } byModel)
            {
                ByModel(byModel).Write(console);
            }

            Table("Cost–latency Pareto frontier (no configuration is both faster and cheaper)", report.Pareto).Write(console);
        }

        AssumptionsTable.WriteOrCount(console, report.Assumptions, showAssumptions);
        Output.WriteWritten(console, files);
    }

    private static readonly string[] Columns = ["model", "gpu", "devices", "replicas", "tp×pp", "ep", "weights/kv", "concurrency", "TTFT", "TPOT", "$/1M in", "$/1M out", "$/1M out all-in", "$/request", "$/h", "bound"];

    private static WideTable Table(string title, IReadOnlyList<OptimizeConfiguration> rows)
    {
        var t = new WideTable(title, Columns, keyColumns: 0);
        foreach (OptimizeConfiguration c in rows)
        {
            t.AddRow(Cells(c));
        }

        return t;
    }

    private static WideTable ByModel(IReadOnlyDictionary<string, OptimizeConfiguration?> byModel)
    {
        var t = new WideTable("Cheapest per model (each model's best configuration that meets every limit)", Columns, keyColumns: 1);
        foreach ((string model, OptimizeConfiguration? c) in byModel)
        {
            t.AddRow(c is null ? [model, "none meets every limit", .. Enumerable.Repeat("", Columns.Length - 2)] : Cells(c));
        }

        return t;
    }

    private static string[] Cells(OptimizeConfiguration c) =>
    [
        c.Model, c.Gpu, I(c.Gpus), I(c.Replicas), $"{c.Tp}×{c.Pp}", I(c.Ep), $"{c.Weights}/{c.Kv}", I(c.Concurrency),
        Time(c.TtftSeconds), Time(c.TpotSeconds), Dollars(c.CostPerMillionInputTokensUsd), Dollars(c.CostPerMillionOutputTokensUsd),
        Dollars(c.CostPerMillionOutputTokensAllInUsd), c.CostPerRequestUsd is { } request ? NumberText.Format(request, "$0.######") : InferText.NotPriced,
        Dollars(c.CostPerHourUsd), c.DecodeBound ?? InferText.NotPriced,
    ];

    private static string Time(double? seconds) => seconds is { } s ? Duration.FromSeconds(s).ToString() : InferText.NotPriced;

    private static string Dollars(double? v) => v is { } x ? SiFormat.Dollars(x) : InferText.NotPriced;

    private static string I(int v) => NumberText.Whole(v);
}
