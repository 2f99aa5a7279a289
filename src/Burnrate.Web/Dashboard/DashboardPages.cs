namespace Burnrate.Web.Dashboard;

/// <summary>The dashboard: server-rendered pages (plan and bench; the cost-model page waits for POST /api/infer and /api/optimize) whose scripts call the API; each page keeps its state in its URL.</summary>
public static class DashboardPages
{
    /// <summary>Maps the pages and their assets.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapAssets();
        routes.MapGet("/", () => Results.Redirect("/plan")).ExcludeFromDescription();
        routes.MapGet("/plan", () => Html(PlanPage.Render())).ExcludeFromDescription();
        routes.MapGet("/bench", () => Html(BenchPage.Render())).ExcludeFromDescription();
        return routes;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");
}
