namespace Burnrate.Web.Dashboard;

/// <summary>The dashboard: server-rendered pages (cost model, plan, fleet, ledger, bench) whose scripts call the API; each page keeps its state in its URL.</summary>
public static class DashboardPages
{
    /// <summary>Maps the pages and their assets.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapAssets();
        routes.MapGet("/", () => Results.Redirect("/plan")).ExcludeFromDescription();
        routes.MapGet("/plan", (Api.WebExamples examples) => Html(PlanPage.Render(examples))).ExcludeFromDescription();
        routes.MapGet("/bench", () => Html(BenchPage.Render())).ExcludeFromDescription();
        routes.MapGet("/cost", (Hosting.ServeSettings settings) => Html(CostModelPage.Render(settings))).ExcludeFromDescription();
        routes.MapGet("/fleet", (Api.WebExamples examples) => Html(FleetPage.Render(examples))).ExcludeFromDescription();
        routes.MapGet("/ledger", (Hosting.ServeSettings settings) => Html(LedgerPage.Render(settings))).ExcludeFromDescription();
        return routes;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");
}
