using System.Globalization;
using System.Text.RegularExpressions;
using Burnrate.Catalog;
using Burnrate.Catalog.Services;
using Burnrate.Core.Validation;
using Burnrate.Reports.Json;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Burnrate.Web.Api;

/// <summary><c>POST /api/infer</c>, <c>/api/optimize</c>, <c>/api/train</c>: the library's use cases (<see cref="InferService"/>,
/// <see cref="OptimizeService"/>, <see cref="TrainService"/>) on request bodies that use the CLI's option names in camelCase, answered
/// with the same typed reports the CLI's <c>--json</c> prints (<see cref="BurnrateJson"/>). The web maps fields and refuses files; the
/// library holds the defaults, the validation and the pricing.</summary>
public static partial class CostModelApi
{
    /// <summary>Maps the cost-model endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapCostModelApi(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder api = routes.MapGroup("/api").WithTags("Cost model");
        api.MapPost("/infer", Infer).WithSummary("Serving TTFT, TPOT, throughput, memory fit and cost per 1M tokens, with a concurrency sweep and side-by-side comparison: the JSON of burnrate infer --json");
        api.MapPost("/optimize", Optimize).WithSummary("The cheapest configurations meeting TTFT/TPOT SLOs and the cost-latency Pareto frontier: the JSON of burnrate optimize --json");
        api.MapPost("/train", Train).WithSummary("Training FLOPs, memory per GPU, wall-clock, GPU-hours, energy and cost: the JSON of burnrate train --json");
        return api;
    }

    /// <summary>Estimates a deployment.</summary>
    public static Results<ContentHttpResult, ValidationProblem> Infer(InferBody body, ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        var refused = new List<FieldError>();
        CatalogModel(settings.Catalog, "model", body.Model, refused);
        foreach (InferCompareBody target in body.Compare is { Count: <= InferRequest.MaxCompare } compare ? compare : [])
        {
            CatalogModel(settings.Catalog, "compare", target.Model, refused); // a longer list is the library's to refuse, as a whole
        }

        return refused.Count > 0 ? Problems.Invalid(new InputException(refused)) : Answer(() => BurnrateJson.Serialize(InferService.Run(settings.Catalog, body.ToRequest())));
    }

    /// <summary>
    /// Searches for the cheapest configurations meeting the SLOs. A search estimates thousands of configurations, so it takes a slot of
    /// the same gate as plan and fleet runs (one per core): a request waits up to <see cref="RunGate.MaxWait"/> for one, then gets 429
    /// with Retry-After. The wait, and the search itself (between parallel layouts), end when the client goes away; the search also
    /// ends after <see cref="ServeSettings.OptimizeRunLimit"/> (504). The library caps the length of each search list (400).
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Optimize(OptimizeBody body, ServeSettings settings, RunGate gate, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(context);
        var refused = new List<FieldError>();
        foreach (string? model in body.Models is { Count: <= OptimizeRequest.MaxModels } models ? models : [])
        {
            CatalogModel(settings.Catalog, "models", model, refused); // a longer list is the library's to refuse, as a whole
        }

        if (refused.Count > 0)
        {
            return Problems.Invalid(new InputException(refused));
        }

        using IDisposable? slot = await gate.EnterAsync(context.RequestAborted).ConfigureAwait(false);
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs",
                detail: $"At most {gate.Capacity} optimize, plan or fleet runs at a time (one per core); try again in a moment.");
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using IDisposable deadline = RunDeadline.CancelAfter(run, settings.OptimizeRunLimit);
        try
        {
            IResult answer = Answer(() => BurnrateJson.Serialize(OptimizeService.Run(settings.Catalog, body.ToRequest(), null, run.Token))).Result;
            return answer is ContentHttpResult ok ? ok : (ValidationProblem)answer;
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "Search too long",
                detail: string.Create(CultureInfo.InvariantCulture, $"The search was stopped after {settings.OptimizeRunLimit.TotalSeconds:0.###} s (the server's limit for one request); narrow it (fewer models or gpusAllowed, a lower maxDevices, fewer concurrencies or replicas) or run `burnrate optimize` where there is no limit."));
        }
    }

    /// <summary>Estimates a training run.</summary>
    public static Results<ContentHttpResult, ValidationProblem> Train(TrainBody body, ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        var refused = new List<FieldError>();
        if (body.Model is { } model && !BareCount().IsMatch(model))
        {
            CatalogModel(settings.Catalog, "model", model, refused);
        }

        return refused.Count > 0 ? Problems.Invalid(new InputException(refused)) : Answer(() => BurnrateJson.Serialize(TrainService.Run(settings.Catalog, body.ToRequest())));
    }

    private static Results<ContentHttpResult, ValidationProblem> Answer(Func<string> run)
    {
        try
        {
            return TypedResults.Content(run(), "application/json; charset=utf-8");
        }
        catch (InputException e)
        {
            return Problems.Invalid(e);
        }
        catch (CatalogException e)
        {
            // Unknown ids name what they are ("unknown model 'x'; did you mean …?"): the message goes to that field.
            string field = e.Message.StartsWith("unknown accelerator", StringComparison.Ordinal) ? "gpu"
                : e.Message.StartsWith("unknown model", StringComparison.Ordinal) ? "model" : "request";
            return Problems.Invalid(field, e.Message);
        }
    }

    // The catalog also reads a Hugging Face config.json named by path; a request may not make the server read a file, so over the
    // API a model is a catalog id (unknown ids get the catalog's suggestions).
    private static void CatalogModel(BurnrateCatalog catalog, string field, string? id, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(id) || catalog.Models.Any(m => string.Equals(m.Id, id, StringComparison.Ordinal)))
        {
            return; // a missing id is the library's to report
        }

        IReadOnlyList<string> near = Suggestions.Nearest(id, catalog.Models.Select(m => m.Id));
        errors.Add(new FieldError(field, id, "a catalog model id (the API reads no config.json files)" + (near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "")));
    }

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?[KMBT]?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BareCount();
}
