using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Examples;
using Burnrate.Planning.Fleet;
using Burnrate.Reports.Json;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Web.Api;

/// <summary>A fleet request: the fleet YAML (or an embedded fleet example's name), the options of <c>burnrate fleet</c> in camelCase.</summary>
/// <param name="FleetYaml">The fleet file's text (schema in docs/fleet.md); demand must be inline (a <c>demand.trace</c> file is refused).</param>
/// <param name="Example">Instead of <paramref name="FleetYaml"/>: an embedded fleet example, e.g. "fleet-hybrid".</param>
/// <param name="Contracts">Evaluate the file's contracts across the demand scenarios (<c>--contracts</c>).</param>
/// <param name="Solver">"scip" (default) or "cp-sat" (<c>--solver</c>).</param>
/// <param name="GapPercent">Stop when proved within this percent of the optimum (default 0.01).</param>
/// <param name="TimeLimitSeconds">Stop each solve after this long (default and most over the API: 60, as the CLI's default).</param>
public sealed record FleetRequest(string? FleetYaml, string? Example, bool? Contracts, string? Solver, double? GapPercent, double? TimeLimitSeconds);

/// <summary>
/// <c>POST /api/fleet</c>: the JSON of <c>burnrate fleet FILE --json</c> (the same <see cref="BurnrateJson"/> contract). Bad input is the
/// library's <see cref="InputException"/>, answered as a 400 problem attributed to <c>fleetYaml</c> (or <c>example</c>). The solve stops
/// when the client goes away and after <see cref="ServeSettings.FleetRunLimit"/> (504).
/// </summary>
public static class FleetApi
{
    /// <summary>The efficiency factors' source for <c>serving.from</c>, as the CLI states it without --calibration.</summary>
    public const string EfficiencySource = "default efficiency factors (docs/infer.md)";

    /// <summary>The longest time limit per solve a request may ask for.</summary>
    public const double MaxTimeLimitSeconds = 60;

    private static readonly Dictionary<string, SolverBackend> Backends = new(StringComparer.Ordinal) { ["scip"] = SolverBackend.Scip, ["cp-sat"] = SolverBackend.CpSat };

    /// <summary>Maps the fleet endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapFleetApi(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder api = routes.MapGroup("/api/fleet").WithTags("Fleet");
        api.MapPost("/", Run).WithSummary("The cheapest mix of owned, reserved, on-demand, spot and API capacity: the JSON of burnrate fleet --json");
        return api;
    }

    /// <summary>Solves a fleet; shares the plan runs' limit (one per core, 429 beyond it).</summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Run(
        FleetRequest request, ServeSettings settings, RunGate gate, WebExamples examples, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FieldError>();
        var messages = new List<KeyValuePair<string, string>>();
        string solver = request.Solver ?? "scip";
        if (!Backends.TryGetValue(solver, out SolverBackend backend))
        {
            errors.Add(new FieldError("solver", solver, string.Join(" or ", Backends.Keys)));
        }

        double gap = request.GapPercent ?? 0.01, limit = request.TimeLimitSeconds ?? MaxTimeLimitSeconds;
        if (!(gap is >= 0 and < 100))
        {
            errors.Add(new FieldError("gapPercent", gap.ToString(CultureInfo.InvariantCulture), "a percentage in [0, 100)"));
        }

        if (!(limit is > 0 and <= MaxTimeLimitSeconds))
        {
            errors.Add(new FieldError("timeLimitSeconds", limit.ToString(CultureInfo.InvariantCulture), $"seconds in (0, {MaxTimeLimitSeconds}] per solve over the API"));
        }

        (string? yaml, string field, string file) = Source(request, examples, errors, messages);
        FleetInput? input = null;
        if (yaml is not null && errors.Count == 0 && messages.Count == 0)
        {
            try
            {
                RefuseFiles(yaml, file);
                input = FleetReader.Read(yaml, file, CatalogModelsOnly.Serving(settings.Catalog, new ServingCapacityDeriver(settings.Catalog, EfficiencyFactors.Default, EfficiencySource)));
                input.ThrowIfInvalid();
            }
            catch (InputException e)
            {
                // Each bad field of the file, located (file:line:column or the file and the field's path), under the request member that carried it.
                messages.AddRange(e.Lines(name => name).Select(line => KeyValuePair.Create(field, line)));
            }
        }

        if (errors.Count > 0 || messages.Count > 0 || input is null)
        {
            return Problems.Invalid(errors, messages);
        }

        using IDisposable? slot = await gate.EnterAsync(context.RequestAborted);
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs",
                detail: $"At most {gate.Capacity} optimize, plan or fleet runs at a time (one per core); try again in a moment.");
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using IDisposable deadline = RunDeadline.CancelAfter(run, settings.FleetRunLimit);
        FleetOutcome outcome;
        try
        {
            outcome = await Task.Run(() => FleetOptimizer.Run(input, new SolverSettings(backend, gap / 100, limit), request.Contracts ?? false, run.Token), run.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "Fleet run too long",
                detail: string.Create(CultureInfo.InvariantCulture, $"The fleet run was stopped after {settings.FleetRunLimit.TotalSeconds:0.###} s (the server's limit for one request); lower timeLimitSeconds, raise gapPercent, leave out contracts, or run `burnrate fleet` where there is no limit."));
        }

        return TypedResults.Content(BurnrateJson.Serialize(outcome.Report), "application/json; charset=utf-8");
    }

    private static (string? Yaml, string Field, string File) Source(FleetRequest request, WebExamples examples, List<FieldError> errors, List<KeyValuePair<string, string>> messages)
    {
        if (!string.IsNullOrWhiteSpace(request.FleetYaml))
        {
            return (request.FleetYaml, "fleetYaml", "fleet.yaml");
        }

        if (request.Example is { } name)
        {
            ExampleScenario? example = WebExamples.Find(examples.Fleets, name, "fleet file", out string? error);
            if (example is null)
            {
                messages.Add(KeyValuePair.Create("example", error!));
                return (null, "example", "");
            }

            return (example.Yaml, "example", example.Name + ".yaml");
        }

        errors.Add(new FieldError("fleetYaml", "", "the fleet file as YAML text (docs/fleet.md), or \"example\": the name of an embedded fleet example"));
        return (null, "fleetYaml", "");
    }

    // A fleet file may read a demand trace or a plan from disk (demand.trace, demand.plan); a request must not make the server read its files.
    private static void RefuseFiles(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return; // the reader names the line
        }

        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("demand"), out YamlNode? demand) && demand is YamlMappingNode d
            && (d.Children.TryGetValue(new YamlScalarNode("trace"), out YamlNode? trace) || d.Children.TryGetValue(new YamlScalarNode("plan"), out trace)))
        {
            string key = d.Children.ContainsKey(new YamlScalarNode("trace")) ? "trace" : "plan";
            throw YamlFields.InputError(file, trace, $"demand.{key} reads a file on the server, which the HTTP API never does; give tokensPerSecond with daily or weekly shape inline, or run `burnrate fleet` where the {key} file is");
        }
    }
}
