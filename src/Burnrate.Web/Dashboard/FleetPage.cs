using Burnrate.Web.Api;

namespace Burnrate.Web.Dashboard;

/// <summary>The fleet page: pick an embedded fleet example or upload a fleet YAML; capacity by option over the months, cost by option, contracts.</summary>
internal static class FleetPage
{
    public static string Render(WebExamples examples)
    {
        string options = string.Concat(examples.Fleets.Select(e => $"<option value=\"{Layout.E(e.Name)}\">{Layout.E(e.Name)}: {Layout.E(e.Summary)}</option>"));
        string body = $"""
            <section class="panel">
            <form id="fleet-form" class="fields">
            {Layout.Field("example", "example fleet", $"<select id=\"example\" name=\"example\">{options}<option value=\"\">(uploaded file)</option></select>")}
            {Layout.Field("file", "or upload a fleet YAML", "<input type=\"file\" id=\"file\" accept=\".yaml,.yml,text/yaml\">")}
            {Layout.Select("solver", "solver", ["scip", "cp-sat"], "scip")}
            {Layout.Field("contracts", "evaluate contracts", "<select id=\"contracts\" name=\"contracts\"><option value=\"false\">no</option><option value=\"true\">yes</option></select>")}
            </form>
            <span class="error" id="fleetYaml-error" aria-live="polite"></span>
            <div id="fleet-summary" class="summary"></div>
            </section>
            <section class="panel"><h2>Capacity by option (average units held or used per month)</h2><div class="chart tall"><canvas id="capacity-chart" aria-label="Capacity by option"></canvas></div></section>
            <section class="panel"><h2>Cost by option over the horizon (USD)</h2><div class="chart"><canvas id="cost-chart" aria-label="Cost by option"></canvas></div><div id="fleet-options"></div></section>
            <section class="panel"><h2>Contracts across demand scenarios</h2><div id="fleet-contracts"></div></section>
            <textarea id="fleet-yaml" hidden></textarea>
            """;
        return Layout.Page("Fleet", "/fleet", body, "fleet.js");
    }
}
