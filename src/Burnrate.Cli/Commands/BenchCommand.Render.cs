using System.CommandLine;
using System.Globalization;
using Burnrate.Bench;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Quantities;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary>The human-readable bench output: one row per level, then the goodput search and the assumptions.</summary>
internal sealed partial class BenchCommand
{
    private static void Render(ParseResult parse, BenchResult result, string? outDir)
    {
        IAnsiConsole console = Output.Console(parse);
        var table = new WideTable($"bench {result.Url} model {result.Model} ({result.Api}, {(result.Stream ? "streaming" : "non-streaming")})",
            ["level", "ok/failed", "TTFT p50/p99 ms", "TPOT p50/p99 ms", "ITL p50/p99 ms", "E2E p50/p99 s", "lag p99 ms", "req/s", "out tok/s", "goodput req/s", "$/1M out", "errors"]);
        foreach (LevelResult l in result.Levels)
        {
            AddRow(table, l);
        }

        if (result.MaxGoodput is { } search)
        {
            foreach (LevelResult l in search.Probes)
            {
                AddRow(table, l, "search ");
            }
        }

        table.Write(console);
        RenderPredictions(console, result.Levels);
        if (result.MaxGoodput is { } s)
        {
            Output.WriteWrapped(console, s.Rate is { } r
                ? $"max goodput rate: {r.ToString("0.###", CultureInfo.InvariantCulture)} req/s ({s.Bracket}; {s.Attainment:P0} of requests meeting every SLO)"
                : $"max goodput rate: none — even {s.Probes[^1].Rate?.ToString(CultureInfo.InvariantCulture)} req/s missed the SLOs");
        }

        string source = result.Levels.Select(l => l.OutputTokensSource).FirstOrDefault() ?? "tokenizer";
        Output.WriteWrapped(console, $"output tokens counted by: {source}" + (result.Levels.Sum(l => l.OutputTokenCountMismatches) is > 0 and var m ? $" ({m} requests where server and tokenizer counts differ)" : ""));
        AssumptionsTable.WriteLines(console, result.Assumptions);

        if (outDir is not null)
        {
            Output.WriteWritten(console, new[] { BenchResultFile.RequestsJsonl, BenchResultFile.SummaryJson, BenchResultFile.SummaryCsv, Burnrate.Reports.Bench.BenchReport.FileName }
                .Select(name => Path.Combine(outDir, name)));
        }
    }

    private static void AddRow(WideTable table, LevelResult l, string prefix = "")
    {
        table.AddRow(
            prefix + BenchComparison.Key(l),
            $"{l.Completed}/{l.Failed}",
            Ms(l.TtftSeconds.P50) + " / " + Ms(l.TtftSeconds.P99),
            Ms(l.TpotSeconds.P50) + " / " + Ms(l.TpotSeconds.P99),
            Ms(l.ItlSeconds.P50) + " / " + Ms(l.ItlSeconds.P99),
            S(l.E2eSeconds.P50) + " / " + S(l.E2eSeconds.P99),
            Ms(l.DispatchLagSeconds.P99),
            l.RequestsPerSecond.ToString("0.##", CultureInfo.InvariantCulture),
            l.OutputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture),
            l.GoodputRequestsPerSecond.ToString("0.##", CultureInfo.InvariantCulture),
            l.CostPerMillionOutputTokensUsd is { } c ? "$" + c.ToString("0.###", CultureInfo.InvariantCulture) : "-",
            string.Join(", ", l.ErrorsByKind.Select(kv => kv.Key + " " + kv.Value.ToString(CultureInfo.InvariantCulture))));
    }

    // "—" where a figure cannot be measured (TPOT and ITL of a non-streaming run, TTFT of a level where nothing completed).
    private static string Ms(double? seconds) => NumberText.Milliseconds(seconds, "0.#", "—");

    private static string S(double? seconds) => seconds is { } s ? NumberText.Format(s, "0.###") : "—";
}
