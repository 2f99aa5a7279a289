using Burnrate.Web.Api;

namespace Burnrate.Web.Dashboard;

/// <summary>The plan page: pick an example scenario or upload one; fan chart, runway, triggers, tornado; what-if sliders that re-run it in place.</summary>
internal static class PlanPage
{
    public static string Render(WebExamples plans)
    {
        string examples = string.Concat(plans.Plans.Select(e => $"<option value=\"{Layout.E(e.Name)}\">{Layout.E(e.Name)}: {Layout.E(e.Summary)}</option>"));
        string body = $"""
            <section class="panel">
            <form id="plan-form" class="fields">
            {Layout.Field("example", "example scenario", $"<select id=\"example\" name=\"example\">{examples}<option value=\"\">(uploaded file)</option></select>")}
            {Layout.Field("file", "or upload a scenario YAML", "<input type=\"file\" id=\"file\" accept=\".yaml,.yml,text/yaml\">")}
            {Layout.Number("paths", "Monte Carlo paths", 10000, "min=\"1\" max=\"1000000\" step=\"1\"")}
            {Layout.Number("seed", "seed", 42, "min=\"0\" step=\"1\"")}
            </form>
            <div id="sliders" class="sliders"></div>
            <div id="plan-summary" class="summary"></div>
            </section>
            <section class="panel"><h2>Closing cash (USD)</h2><div class="chart tall"><canvas id="fan-chart" aria-label="Fan chart of closing cash"></canvas></div></section>
            <section class="panel"><h2>Triggers</h2><div id="triggers"></div></section>
            <section class="panel"><h2>Tornado: closing cash at the horizon</h2><div class="chart"><canvas id="tornado-chart" aria-label="Tornado chart"></canvas></div></section>
            <textarea id="scenario-yaml" hidden></textarea>
            """;
        return Layout.Page("Plan", "/plan", body, "plan.js");
    }
}
