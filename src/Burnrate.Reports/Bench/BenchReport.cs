using System.Globalization;
using System.Net;
using System.Text;
using Burnrate.Bench;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;

namespace Burnrate.Reports.Bench;

/// <summary>
/// Writes report.html for a bench run: a table per level and charts (latency percentiles, throughput and cost vs load,
/// TTFT distribution from requests.jsonl when present) as PNGs embedded in base64, so the file stands alone.
/// </summary>
public static class BenchReport
{
    /// <summary>The report's file name.</summary>
    public const string FileName = "report.html";

    /// <summary>Writes report.html into <paramref name="directory"/> (a temporary file first, then moved into place).</summary>
    /// <param name="result">The run.</param>
    /// <param name="directory">The run folder (its requests.jsonl feeds the TTFT distribution).</param>
    /// <returns>The report's path.</returns>
    public static string WriteHtml(BenchResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        string html = Html(result, Path.Combine(directory, BenchResultFile.RequestsJsonl));
        string path = Path.Combine(directory, FileName);
        Burnrate.Catalog.Files.AtomicFile.WriteAllText(path, html);
        return path;
    }

    /// <summary>Renders the report as one standalone HTML page.</summary>
    /// <param name="result">The run.</param>
    /// <param name="requestsJsonl">The run's request log, or null.</param>
    /// <returns>The HTML.</returns>
    public static string Html(BenchResult result, string? requestsJsonl)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>burnrate bench</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;font-size:13px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}img{max-width:100%}</style></head><body>")
            .Append("<h1>burnrate bench</h1><p>").Append(E(result.Url)).Append(" · model ").Append(E(result.Model)).Append(" · ").Append(E(result.Api))
            .Append(result.Stream ? " · streaming" : " · non-streaming").Append(" · started ").Append(E(result.StartedAtUtc)).Append("</p><p>workload: ")
            .Append(E(result.Workload)).Append("</p>");
        if (result.Interrupted)
        {
            html.Append("<p><strong>The run was interrupted; the figures cover what was measured.</strong></p>");
        }

        html.Append("<h2>Levels</h2><table><tr><th>level</th><th>completed</th><th>failed</th><th>TTFT p50 ms</th><th>TTFT p99 ms</th><th>TPOT p50 ms</th><th>TPOT p99 ms</th>")
            .Append("<th>ITL p50 ms</th><th>E2E p50 s</th><th>E2E p99 s</th><th>dispatch lag p99 ms</th><th>req/s</th><th>output tok/s</th><th>goodput req/s</th><th>$ / 1M output tokens</th><th>errors</th></tr>");
        IReadOnlyList<LevelResult> levels = [.. result.Levels, .. result.MaxGoodput?.Probes ?? []];
        foreach (LevelResult l in levels)
        {
            html.Append("<tr><td>").Append(E(BenchComparison.Key(l))).Append("</td><td>").Append(l.Completed).Append("</td><td>").Append(l.Failed)
                .Append("</td><td>").Append(Ms(l.TtftSeconds.P50)).Append("</td><td>").Append(Ms(l.TtftSeconds.P99))
                .Append("</td><td>").Append(Ms(l.TpotSeconds.P50)).Append("</td><td>").Append(Ms(l.TpotSeconds.P99))
                .Append("</td><td>").Append(Ms(l.ItlSeconds.P50)).Append("</td><td>").Append(N(l.E2eSeconds.P50)).Append("</td><td>").Append(N(l.E2eSeconds.P99))
                .Append("</td><td>").Append(Ms(l.DispatchLagSeconds.P99)).Append("</td><td>").Append(N(l.RequestsPerSecond)).Append("</td><td>").Append(N(l.OutputTokensPerSecond))
                .Append("</td><td>").Append(N(l.GoodputRequestsPerSecond)).Append("</td><td>").Append(N(l.CostPerMillionOutputTokensUsd))
                .Append("</td><td>").Append(E(string.Join(", ", l.ErrorsByKind.Select(kv => kv.Key + " " + kv.Value.ToString(CultureInfo.InvariantCulture))))).Append("</td></tr>");
        }

        html.Append("</table>");
        if (levels.Count > 0)
        {
            html.Append("<h2>Latency vs load</h2>").Append(BenchCharts.LatencyVsLoad(levels, result.Slo))
                .Append("<h2>Throughput vs load</h2>").Append(BenchCharts.ThroughputVsLoad(levels));
            if (levels.Any(l => l.CostPerMillionOutputTokensUsd is not null))
            {
                html.Append("<h2>Cost per 1M output tokens vs load</h2>").Append(BenchCharts.CostVsLoad(levels));
            }
        }

        if (requestsJsonl is not null && File.Exists(requestsJsonl))
        {
            html.Append("<h2>TTFT distribution</h2>").Append(BenchCharts.TtftDistribution(BenchResultFile.ReadTtftSeconds(requestsJsonl)));
        }

        html.Append("<h2>Assumptions</h2><ul>");
        foreach (Assumption a in result.Assumptions)
        {
            html.Append("<li><b>").Append(E(a.Name)).Append("</b> = ").Append(E(a.Value)).Append(" (").Append(E(a.Source)).Append(")</li>");
        }

        html.Append("</ul><p>Definitions: TTFT = first content chunk − sent; TPOT = (last token − first token) / (output tokens − 1); ITL = gaps between content chunks, pooled; ")
            .Append("E2E = done − sent; dispatch lag = sent − scheduled; cost per 1M output tokens = $/h × window h ÷ output tokens × 10⁶ (docs/bench.md).</p></body></html>");
        return html.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Ms(double? seconds) => NumberText.Milliseconds(seconds, "0.##");

    private static string N(double? v) => v is { } x ? NumberText.Format(x, "0.###") : "-";
}
