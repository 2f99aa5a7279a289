using System.Text.Json;
using Burnrate.Bench;
using Burnrate.Bench.Results;
using Burnrate.Core.Validation;
using Burnrate.Reports.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Burnrate.Web.Api;

/// <summary>A comparison request: two bench summaries (the contents of <c>summary.json</c>, never paths) and the names to show them by.</summary>
/// <param name="A">The baseline summary.json, as a JSON object.</param>
/// <param name="B">The summary.json compared with it.</param>
/// <param name="AName">What to call the baseline (default "A"), as <c>bench compare</c> shows its path.</param>
/// <param name="BName">What to call the other run (default "B").</param>
public sealed record BenchCompareRequest(JsonElement? A, JsonElement? B, string? AName, string? BName);

/// <summary><c>POST /api/bench/compare</c>: the JSON of <c>burnrate bench compare A.json B.json --json</c>.</summary>
public static class BenchApi
{
    /// <summary>Maps the bench endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapBenchApi(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder api = routes.MapGroup("/api/bench").WithTags("Bench");
        api.MapPost("/compare", Compare).WithSummary("Two bench summaries side by side, level by level, with the relative change of each figure: the JSON of burnrate bench compare --json");
        return api;
    }

    /// <summary>Compares two summaries.</summary>
    public static Results<ContentHttpResult, ValidationProblem> Compare(BenchCompareRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string nameA = string.IsNullOrWhiteSpace(request.AName) ? "A" : request.AName, nameB = string.IsNullOrWhiteSpace(request.BName) ? "B" : request.BName;
        var errors = new List<FieldError>();
        BenchResult? a = Read(request.A, "a", nameA, errors), b = Read(request.B, "b", nameB, errors);
        if (a is null || b is null)
        {
            return Problems.Invalid(new InputException(errors));
        }

        ComparisonReport report = BenchComparison.Compare(nameA, a, nameB, b);
        return TypedResults.Content(BurnrateJson.Serialize(report), "application/json; charset=utf-8");
    }

    private static BenchResult? Read(JsonElement? summary, string field, string name, List<FieldError> errors)
    {
        if (summary is not { ValueKind: JsonValueKind.Object } element)
        {
            errors.Add(new FieldError(field, "", "the contents of a bench summary.json (a JSON object with \"kind\": \"burnrate-bench\")"));
            return null;
        }

        try
        {
            return BenchResultFile.Parse(element.GetRawText(), name);
        }
        catch (InputException e)
        {
            errors.Add(new FieldError(field, name, $"a bench summary.json of schema version {BenchResult.CurrentSchemaVersion} ({e.Message})"));
            return null;
        }
    }
}
