using Burnrate.Web.Hosting;

namespace Burnrate.Web.Dashboard;

/// <summary>The ledger page: cost, revenue and gross margin by customer (or feature, model, provider, period) from the server's ledger.</summary>
internal static class LedgerPage
{
    private static readonly string[] Keys = ["customer", "feature", "model", "provider", "month", "week", "day"];

    public static string Render(ServeSettings settings)
    {
        string note = settings.LedgerPath is null
            ? "<p class=\"error\" id=\"no-ledger\">This server has no ledger: start it with <code>burnrate serve --ledger FILE</code> (a ledger made by <code>burnrate ledger import</code>).</p>"
            : "";
        string body = $"""
            <section class="panel">
            {note}
            <form id="ledger-form" class="fields">
            {Layout.Select("by", "group by", Keys, "customer")}
            {Layout.Field("from", "from (YYYY-MM-DD)", "<input type=\"text\" id=\"from\" name=\"from\" placeholder=\"the ledger's first day\" pattern=\"\\d{4}-\\d{2}-\\d{2}\">")}
            {Layout.Field("to", "to (YYYY-MM-DD)", "<input type=\"text\" id=\"to\" name=\"to\" placeholder=\"the ledger's last day\">")}
            {Layout.Number("top", "loss-makers listed", 5, "min=\"0\" max=\"1000\" step=\"1\"")}
            </form>
            <div id="ledger-summary" class="summary"></div>
            </section>
            <section class="panel"><h2>Revenue, cost and gross margin</h2><div class="chart tall"><canvas id="margin-chart" aria-label="Margin by group"></canvas></div></section>
            <section class="panel"><h2>Rows</h2><div id="ledger-rows"></div></section>
            <section class="panel"><h2>Loss-makers</h2><div id="ledger-losses"></div></section>
            """;
        return Layout.Page("Ledger", "/ledger", body, "ledger.js");
    }
}
