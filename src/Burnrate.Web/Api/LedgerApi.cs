using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Burnrate.Web.Api;

/// <summary>A margin report request: the options of <c>burnrate ledger report</c> in camelCase.</summary>
/// <param name="By">One or two of customer, feature, model, provider, day, week, month, comma-separated (e.g. "customer,month").</param>
/// <param name="From">First day included, YYYY-MM-DD (default: the ledger's first).</param>
/// <param name="To">Last day included, YYYY-MM-DD (default: the ledger's last).</param>
/// <param name="Top">How many loss-makers to list (default 5).</param>
public sealed record LedgerReportRequest(string? By, string? From, string? To, int? Top);

/// <summary>
/// <c>POST /api/ledger/report</c>: the JSON of <c>burnrate ledger report --json</c> over the ledger the operator named with
/// <c>burnrate serve --ledger FILE|clickhouse://…</c> (a request never names one). One query at a time: an embedded ledger is
/// one database file, and a server ledger is not worth overloading from a dashboard. A ledger that cannot be read (ClickHouse
/// down, or refusing the query) is a 503 naming the server, not a 500.
/// </summary>
public static class LedgerApi
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Maps the ledger endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder api = routes.MapGroup("/api/ledger").WithTags("Ledger");
        api.MapPost("/report", Report).WithSummary("Cost, revenue and gross margin by customer, feature, model, provider or period, with the top loss-makers: the JSON of burnrate ledger report --json");
        return api;
    }

    /// <summary>Runs a margin report.</summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Report(LedgerReportRequest request, ServeSettings settings, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (settings.LedgerPath is not { } path)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No ledger",
                detail: "This server has no ledger: start it with `burnrate serve --ledger FILE` (a ledger made by `burnrate ledger import`) or `--ledger clickhouse://HOST:8123/DATABASE`.");
        }

        var dates = new List<KeyValuePair<string, string>>();
        DateOnly? Day(string option, string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly d))
            {
                return d;
            }

            dates.Add(new(option, $"\"{text}\" is not a date YYYY-MM-DD"));
            return null;
        }

        var report = new ReportRequest
        {
            By = (request.By ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            From = Day("from", request.From),
            To = Day("to", request.To),
            TopLossMakers = request.Top ?? 5,
            Deployments = settings.LedgerDeployments,
        };
        IReadOnlyList<Burnrate.Core.Validation.FieldError> fields = report.Validate();
        if (dates.Count > 0 || fields.Count > 0)
        {
            return Problems.Invalid(fields, dates);
        }

        await OneAtATime.WaitAsync(context.RequestAborted);
        try
        {
            string json = await Task.Run(() =>
            {
                using LedgerDatabase ledger = LedgerDatabase.Open(path, settings.LedgerCredentials);
                return Burnrate.Reports.Json.BurnrateJson.Serialize(MarginReportEngine.Run(ledger, report, settings.Catalog));
            }, context.RequestAborted);
            return TypedResults.Content(json, "application/json; charset=utf-8");
        }
        catch (Burnrate.Core.Validation.InputException e)
        {
            return Problems.Invalid(e);
        }
        catch (Burnrate.Catalog.CatalogException e)
        {
            // The operator's deployments file, not the request, is at fault (a deployment that no longer fits the month's request shape).
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Self-hosted deployments cannot be costed", detail: e.Message);
        }
        catch (IOException e)
        {
            // The message names the server (or file) and what failed; never credentials, which travel in a header only.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ledger unavailable", detail: e.Message);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
