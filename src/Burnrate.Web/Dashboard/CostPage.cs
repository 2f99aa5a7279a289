using Burnrate.Catalog;

namespace Burnrate.Web.Dashboard;

/// <summary>The cost-model page: one inference configuration with a concurrency sweep, others beside it, and optimize's Pareto frontier.</summary>
internal static class CostPage
{
    public static string Render(BurnrateCatalog catalog)
    {
        string[] models = [.. catalog.Models.Select(m => m.Id)];
        string[] gpus = [.. catalog.Accelerators.Select(a => a.Id)];
        string[] weights = ["bf16", "fp16", "fp8", "int8", "int4", "fp4"];
        string body = $"""
            <section class="panel">
            <h2>Inference</h2>
            <form id="infer-form" class="fields">
            {Layout.Select("model", "model", models, "llama-3.1-70b")}
            {Layout.Select("gpu", "GPU", gpus, "h100-sxm")}
            {Layout.Number("gpus", "GPUs", 4, "min=\"1\" step=\"1\"")}
            {Layout.Select("weights", "weights", weights, "fp8")}
            {Layout.Number("input", "input tokens", 2000, "min=\"1\" step=\"1\"")}
            {Layout.Number("output", "output tokens", 500, "min=\"1\" step=\"1\"")}
            {Layout.Number("concurrency", "concurrency", 64, "min=\"1\" step=\"1\"")}
            {Layout.Field("compare", "compare (MODEL:GPU:WEIGHTS[:GPUS], comma-separated)", "<input type=\"text\" id=\"compare\" name=\"compare\" placeholder=\"llama-3.1-70b:b200:fp8:4\">")}
            <button type="submit">Estimate</button>
            </form>
            <div id="infer-summary" class="summary"></div>
            <div class="chart"><canvas id="sweep-chart" aria-label="USD per 1M output tokens and throughput against concurrency"></canvas></div>
            </section>
            <section class="panel">
            <h2>Cheapest deployments (Pareto frontier)</h2>
            <form id="optimize-form" class="fields">
            {Layout.Number("ttft", "TTFT SLO (ms)", 2000, "min=\"1\"")}
            {Layout.Number("tpot", "TPOT SLO (ms)", 100, "min=\"1\"")}
            <button type="submit">Optimize</button>
            </form>
            <div class="chart"><canvas id="pareto-chart" aria-label="Pareto frontier: USD per 1M tokens against latency"></canvas></div>
            </section>
            """;
        return Layout.Page("Cost model", "/cost", body, "cost.js");
    }
}
