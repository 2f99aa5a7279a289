using Burnrate.Web.Hosting;

namespace Burnrate.Web.Dashboard;

/// <summary>The cost-model page: infer a deployment with a concurrency sweep and a configuration side by side, and optimize's
/// cost–latency Pareto frontier with hover values. Every input is in the URL.</summary>
internal static class CostModelPage
{
    private static readonly string[] Precisions = ["bf16", "fp8", "int8", "int4"];

    public static string Render(ServeSettings settings)
    {
        string[] models = [.. settings.Catalog.Models.Select(m => m.Id).Order(StringComparer.Ordinal)];
        string[] gpus = [.. settings.Catalog.Accelerators.Select(a => a.Id).Order(StringComparer.Ordinal)];
        string body = $"""
            <section class="panel">
            <h2>Serve a model</h2>
            <form id="infer-form" class="fields">
            {Layout.Select("model", "model", models, "llama-3.1-70b")}
            {Layout.Select("gpu", "accelerator", gpus, "h100-sxm")}
            {Layout.Number("gpus", "devices", 4, "min=\"1\" step=\"1\"")}
            {Layout.Select("weights", "weights", Precisions, "fp8")}
            {Layout.Number("input", "prompt tokens", 2000, "min=\"1\" step=\"1\"")}
            {Layout.Number("output", "output tokens", 500, "min=\"1\" step=\"1\"")}
            {Layout.Number("concurrency", "requests in flight", 64, "min=\"1\" step=\"1\"")}
            {Layout.Select("compareModel", "compare with model", ["", .. models], "llama-3.1-8b")}
            {Layout.Select("compareGpu", "on", gpus, "h200")}
            {Layout.Select("compareWeights", "weights", Precisions, "fp8")}
            </form>
            <div id="infer-summary" class="summary"></div>
            <div id="infer-compare"></div>
            </section>
            <section class="panel"><h2>Throughput and cost against concurrency</h2><div class="grid2">
            <div class="chart"><canvas id="sweep-chart" aria-label="Throughput and cost per 1M output tokens against concurrency"></canvas></div>
            <div class="chart"><canvas id="latency-chart" aria-label="TTFT and TPOT against concurrency"></canvas></div>
            </div></section>
            <section class="panel">
            <h2>Cheapest configuration under latency objectives</h2>
            <form id="optimize-form" class="fields">
            {Layout.Field("sloTtft", "TTFT objective", "<input type=\"text\" id=\"sloTtft\" name=\"sloTtft\" value=\"500ms\">")}
            {Layout.Field("sloTpot", "TPOT objective", "<input type=\"text\" id=\"sloTpot\" name=\"sloTpot\" value=\"50ms\">")}
            {Layout.Field("gpusAllowed", "accelerators (comma-separated)", "<input type=\"text\" id=\"gpusAllowed\" name=\"gpusAllowed\" value=\"h100-sxm,h200,a100-80gb\">")}
            {Layout.Number("maxDevices", "most devices", 8, "min=\"1\" step=\"1\"")}
            <div class="field"><label>&nbsp;</label><button type="submit" id="optimize-run">Search</button></div>
            </form>
            <div id="optimize-summary" class="summary"></div>
            <div class="chart tall"><canvas id="pareto-chart" aria-label="Cost against TPOT: the Pareto frontier"></canvas></div>
            <div id="optimize-cheapest"></div>
            </section>
            """;
        return Layout.Page("Cost model", "/cost", body, "cost.js");
    }
}
