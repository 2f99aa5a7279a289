namespace Burnrate.Web.Dashboard;

/// <summary>The bench page: open a <c>summary.json</c> from <c>burnrate bench --out</c>; latency CDFs and throughput against concurrency, read in the browser.</summary>
internal static class BenchPage
{
    public static string Render()
    {
        string body = $"""
            <section class="panel">
            <form id="bench-form" class="fields">
            {Layout.Field("summary", "open a bench summary.json", "<input type=\"file\" id=\"summary\" accept=\".json,application/json\">")}
            {Layout.Field("b", "compare with another summary.json (B)", "<input type=\"file\" id=\"b\" accept=\".json,application/json\">")}
            </form>
            <div id="bench-summary" class="summary"></div>
            </section>
            <section class="panel"><h2>Latency CDFs</h2><div class="grid2">
            <div class="chart"><canvas id="ttft-chart" aria-label="TTFT distribution"></canvas></div>
            <div class="chart"><canvas id="tpot-chart" aria-label="TPOT distribution"></canvas></div>
            </div></section>
            <section class="panel" id="compare-panel" hidden><h2>B against A</h2><div id="compare"></div></section>
            <section class="panel"><h2>Throughput against concurrency</h2><div class="chart"><canvas id="throughput-chart" aria-label="Throughput against concurrency"></canvas></div></section>
            """;
        return Layout.Page("Bench", "/bench", body, "bench.js");
    }
}
