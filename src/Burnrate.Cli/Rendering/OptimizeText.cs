using System.Globalization;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The tables of <c>burnrate optimize</c>: search counts, the cheapest configurations, the cheapest per model (when
/// several models were searched), the Pareto frontier and the assumptions.</summary>
internal static class OptimizeText
{
    public static void Write(IAnsiConsole console, OptimizeReport report, string? outDir)
    {
        double rate = report.Evaluated / Math.Max(report.SearchSeconds, 1e-9);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Evaluated {report.Evaluated:#,0} configurations in {report.SearchSeconds * 1e3:0.#} ms ({rate / 1e6:0.##} M/s); {report.Feasible:#,0} meet every limit."));
        OptimizeRejections r = report.Rejected;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rejected (a configuration can fail several ways): memory {r.Memory:#,0}, TTFT > {report.Slo.Ttft} {r.Ttft:#,0}, TPOT > {report.Slo.Tpot} {r.Tpot:#,0}, budget {r.Budget:#,0}."));
        if (report.Cheapest.Count == 0)
        {
            console.WriteLine("No configuration meets every limit: relax the SLOs, allow more devices or accelerators, or raise the budget.");
        }
        else
        {
            console.Write(Table("Cheapest configurations per request (best concurrency of each hardware setup)", report.Cheapest));
            if (report.BestByModel is { } byModel)
            {
                console.Write(ByModel(byModel));
            }

            console.Write(Table("Cost–latency Pareto frontier (no configuration is both faster and cheaper)", report.Pareto));
        }

        AssumptionsTable.Write(console, report.Assumptions);
        if (outDir is not null)
        {
            console.WriteLine("Wrote pareto.csv, pareto.png and cheapest.csv to " + outDir);
        }
    }

    private static readonly string[] Columns = ["model", "gpu", "devices", "tp×pp", "ep", "weights/kv", "concurrency", "TTFT", "TPOT", "$/1M in", "$/1M out", "$/1M out all-in", "$/request", "$/h", "bound"];

    private static Table Table(string title, IReadOnlyList<OptimizeConfiguration> rows)
    {
        Table t = Empty(title);
        foreach (OptimizeConfiguration c in rows)
        {
            t.AddRow(Cells(c));
        }

        return t;
    }

    private static Table ByModel(IReadOnlyDictionary<string, OptimizeConfiguration?> byModel)
    {
        Table t = Empty("Cheapest per model (each model's best configuration that meets every limit)");
        foreach ((string model, OptimizeConfiguration? c) in byModel)
        {
            t.AddRow(c is null ? [Markup.Escape(model), "none meets every limit", .. Enumerable.Repeat("", Columns.Length - 2)] : Cells(c));
        }

        return t;
    }

    private static Table Empty(string title)
    {
        var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (string c in Columns)
        {
            t.AddColumn(c);
        }

        return t;
    }

    private static string[] Cells(OptimizeConfiguration c) =>
    [
        Markup.Escape(c.Model), Markup.Escape(c.Gpu), I(c.Gpus), $"{c.Tp}×{c.Pp}", I(c.Ep), $"{c.Weights}/{c.Kv}", I(c.Concurrency),
        Time(c.TtftSeconds), Time(c.TpotSeconds), Dollars(c.CostPerMillionInputTokensUsd), Dollars(c.CostPerMillionOutputTokensUsd),
        Dollars(c.CostPerMillionOutputTokensAllInUsd), c.CostPerRequestUsd is { } request ? NumberText.Format(request, "$0.######") : InferText.NotPriced,
        Dollars(c.CostPerHourUsd), c.DecodeBound ?? InferText.NotPriced,
    ];

    private static string Time(double? seconds) => seconds is { } s ? Duration.FromSeconds(s).ToString() : InferText.NotPriced;

    private static string Dollars(double? v) => v is { } x ? SiFormat.Dollars(x) : InferText.NotPriced;

    private static string I(int v) => NumberText.Whole(v);
}
