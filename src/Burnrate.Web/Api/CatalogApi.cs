using Burnrate.Reports.Catalog;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Burnrate.Web.Api;

/// <summary><c>GET /api/catalog/gpus</c> and <c>GET /api/catalog/models</c>: the same views as <c>burnrate catalog gpus|models --json</c>.</summary>
public static class CatalogApi
{
    /// <summary>Maps the catalog endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder api = routes.MapGroup("/api/catalog").WithTags("Catalog");
        api.MapGet("/gpus", GetGpus).WithSummary("Accelerators: dense peak FLOP/s, memory, bandwidth, power, dated prices (base units)");
        api.MapGet("/models", GetModels).WithSummary("Models with parameters counted from the architecture");
        return api;
    }

    /// <summary>Lists the accelerators.</summary>
    public static Ok<AcceleratorView[]> GetGpus(ServeSettings settings) =>
        TypedResults.Ok(settings.Catalog.Accelerators.Select(CatalogViews.Accelerator).ToArray());

    /// <summary>Lists the models.</summary>
    public static Ok<ModelView[]> GetModels(ServeSettings settings) =>
        TypedResults.Ok(settings.Catalog.Models.Select(CatalogViews.Model).ToArray());
}
