using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Examples;
using Burnrate.Planning.Reporting;
using Burnrate.Planning.Scenario;
using Burnrate.Reports.Json;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Burnrate.Web.Api;

/// <summary>A plan request: the scenario as YAML text (or the name of an embedded example; never a file path), paths, seed and what-if factors.</summary>
/// <param name="ScenarioYaml">The scenario YAML (at most 1 MB, the body limit).</param>
/// <param name="Example">Instead of <paramref name="ScenarioYaml"/>: an embedded example's name, e.g. "api-startup".</param>
/// <param name="Paths">Monte Carlo paths, 1..1,000,000 (default 10,000).</param>
/// <param name="Seed">The seed (default 42).</param>
/// <param name="WhatIf">Driver path → factor in (0, 10], applied before the run (the dashboard's sliders).</param>
public sealed record PlanRequest(string? ScenarioYaml, string? Example, int? Paths, ulong? Seed, Dictionary<string, double>? WhatIf);

/// <summary>One driver of a scenario, for the what-if sliders.</summary>
/// <param name="Path">The driver's path, e.g. revenue.api.pricePerMillionTokens.</param>
/// <param name="Central">The constant, or the distribution's median.</param>
/// <param name="Uncertain">Whether it has a distribution.</param>
public sealed record PlanDriver(string Path, double Central, bool Uncertain);

/// <summary><c>POST /api/plan</c> (the JSON of <c>burnrate plan --json</c>) and <c>POST /api/plan/drivers</c>.</summary>
public static class PlanApi
{
    /// <summary>The most paths one request may ask for.</summary>
    public const int MaxPaths = 1_000_000;

    /// <summary>Maps the plan endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapPlanApi(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder api = routes.MapGroup("/api/plan").WithTags("Plan");
        api.MapPost("/", RunPlan).WithSummary("Presets, Monte Carlo bands, cash-out and trigger odds, tornado: the JSON of burnrate plan --json");
        api.MapPost("/drivers", GetDrivers).WithSummary("The scenario's drivers (for what-if factors)");
        return api;
    }

    /// <summary>
    /// Runs a plan; at most one run per core at a time (429 otherwise), cancelled when the client goes away and stopped after
    /// <see cref="ServeSettings.PlanRunLimit"/> (504). A plan is deterministic in
    /// its scenario, paths, seed and what-if factors, so identical requests share one run and its answer (<see cref="RunCache"/>).
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> RunPlan(
        PlanRequest request, ServeSettings settings, WebExamples examples, RunGate gate, RunCache cache, IHostApplicationLifetime lifetime, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(context);
        int paths = request.Paths ?? PlanReport.DefaultPaths;
        ulong seed = request.Seed ?? PlanReport.DefaultSeed;
        if (PlanOutcome.CheckPaths(paths, MaxPaths) is { Count: > 0 } badPaths)
        {
            return Problems.Invalid(badPaths, []);
        }

        string whatIf = string.Join(";", (request.WhatIf ?? []).OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => w.Key + "=" + w.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        string key = RunCache.Key("plan", request.ScenarioYaml, string.IsNullOrWhiteSpace(request.ScenarioYaml) ? request.Example?.ToUpperInvariant() : null,
            paths.ToString(System.Globalization.CultureInfo.InvariantCulture), seed.ToString(System.Globalization.CultureInfo.InvariantCulture), whatIf);
        PlanAnswer answer = await cache.GetOrRunAsync(key, token => Compute(request, paths, seed, settings, examples, gate, token), a => !a.Busy && !a.TimedOut, context.RequestAborted, lifetime.ApplicationStopping);
        if (answer.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (answer.TimedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "Plan too long",
                detail: string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The plan was stopped after {settings.PlanRunLimit.TotalSeconds:0.###} s (the server's limit for one request); ask for fewer paths or months, or run `burnrate plan` where there is no limit."));
        }

        if (answer.Busy)
        {
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs",
                detail: $"At most {gate.Capacity} optimize, plan or fleet runs at a time (one per core); try again in a moment.");
        }

        return TypedResults.Content(answer.Json, "application/json; charset=utf-8");
    }

    private static async Task<PlanAnswer> Compute(PlanRequest request, int paths, ulong seed, ServeSettings settings, WebExamples examples, RunGate gate, CancellationToken token)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Read(request, settings, examples, errors, out PlanScenario? scenario, out RequestCostDeriver deriver);
        if (errors.Count > 0 || scenario is null)
        {
            return new PlanAnswer(null, errors, false);
        }

        using IDisposable? slot = await gate.EnterAsync(token).ConfigureAwait(false);
        if (slot is null)
        {
            return new PlanAnswer(null, null, true);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(token);
        using IDisposable deadline = RunDeadline.CancelAfter(run, settings.PlanRunLimit);
        PlanOutcome outcome;
        try
        {
            outcome = PlanOutcome.Compute(scenario, paths, seed, 1, run.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return new PlanAnswer(null, null, false, TimedOut: true); // not kept: the limit is the server's, not the plan's
        }

        IReadOnlyList<Assumption> assumptions = [.. PlanReport.RunAssumptions(paths, seed), .. deriver.Derivations, .. scenario.Assumptions];
        return new PlanAnswer(BurnrateJson.Serialize(PlanReport.From(outcome, [], assumptions)), null, false);
    }

    private sealed record PlanAnswer(string? Json, Dictionary<string, string[]>? Errors, bool Busy, bool TimedOut = false);

    /// <summary>Lists a scenario's drivers.</summary>
    public static Results<Ok<PlanDriver[]>, ValidationProblem> GetDrivers(PlanRequest request, ServeSettings settings, WebExamples examples)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Read(request with { WhatIf = null }, settings, examples, errors, out PlanScenario? scenario, out _);
        return scenario is null
            ? Problems.Invalid(errors)
            : TypedResults.Ok(scenario.Drivers.Select(d => new PlanDriver(d.Path, d.Central, d.IsUncertain)).ToArray());
    }

    private static void Read(PlanRequest request, ServeSettings settings, WebExamples examples, Dictionary<string, string[]> errors, out PlanScenario? scenario, out RequestCostDeriver deriver)
    {
        scenario = null;
        deriver = new RequestCostDeriver(settings.Catalog);
        string? yaml = request.ScenarioYaml;
        string source = "scenario.yaml";
        if (string.IsNullOrWhiteSpace(yaml) && request.Example is { } name)
        {
            ExampleScenario? example = WebExamples.Find(examples.Plans, name, "plan scenario", out string? error);
            if (example is null)
            {
                errors["example"] = [error!];
                return;
            }

            (yaml, source) = (example.Yaml, example.Name + ".yaml");
        }

        if (string.IsNullOrWhiteSpace(yaml))
        {
            errors["scenarioYaml"] = ["required: the scenario as YAML text (see docs/plan.md), or \"example\": the name of an embedded example"];
            return;
        }

        try
        {
            scenario = WhatIf.Scale(ScenarioReader.Read(yaml, source, deriver), request.WhatIf ?? []);
        }
        catch (CatalogException e)
        {
            errors[request.ScenarioYaml is null ? "example" : "scenarioYaml"] = [e.Message];
        }
        catch (Core.Validation.InputException e)
        {
            errors[request.ScenarioYaml is null ? "example" : "scenarioYaml"] = [e.Message];
        }
        catch (ArgumentException e)
        {
            errors["whatIf"] = [e.Message.Split(" (Parameter", 2)[0]];
        }
    }
}
