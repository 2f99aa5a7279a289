using System.Globalization;
using Burnrate.Bench.Calibration;
using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Results;
using Burnrate.Bench.Workloads;
using Burnrate.Core.Economics;
using Microsoft.ML.Tokenizers;
using Burnrate.Core.Validation;

namespace Burnrate.Bench;

/// <summary>
/// Runs one bench: validates the request, finds the model when none is named, builds the workload, offers the load
/// level by level and returns what was measured. Cancellation (Ctrl-C, SIGTERM, the request's MaxSeconds) ends the
/// run with what was measured: requests in flight are recorded as <c>cancelled</c>, and the result says it was
/// interrupted. With an output folder, requests.jsonl grows as requests finish and summary.json/summary.csv are written
/// at the end, also when interrupted.
/// </summary>
public static class BenchSession
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <param name="request">What to run; invalid fields throw <see cref="InputException"/> before anything is sent.</param>
    /// <param name="progress">Receives where the run is, or null.</param>
    /// <param name="cancellationToken">Ends the run early, keeping what was measured.</param>
    /// <returns>The result; <see cref="BenchResult.Interrupted"/> tells whether the run was cut short.</returns>
    public static async Task<BenchResult> RunAsync(BenchRequest request, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<FieldError> errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.MaxSeconds is { } max)
        {
            bound.CancelAfter(TimeSpan.FromSeconds(max));
        }

        string started = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string model = request.Model ?? await ModelDiscovery.FindAsync(request, bound.Token).ConfigureAwait(false);
        Tokenizer tokenizer = BenchTokenizer.ByName(request.Tokenizer ?? BenchSettings.DefaultTokenizer);
        LoadSettings load = BenchSettings.Load(request);
        progress?.Report(new BenchProgress("prompts", "", 0, 0, null, 0, null));
        Workload workload = BenchSettings.Workload(request, tokenizer, load, bound.Token);
        List<Assumption> assumptions = BenchSettings.Assumptions(request, load, workload);
        if (request.Model is null)
        {
            assumptions.Add(new Assumption("model", model, "the only model the server lists at " + request.Url.ToString().TrimEnd('/') + "/models"));
        }

        ClientOptions client = BenchSettings.Client(request, model);
        RequestLog? log = OpenLog(request);
        IReadOnlyList<LevelResult> levels = [];
        MaxGoodputResult? search = null;
        using (log)
        using (var http = new OpenAiClient(client, tokenizer))
        {
            if (!bound.IsCancellationRequested)
            {
                var runner = new LoadRunner(http, workload, load, log, progress);
                (levels, search) = await runner.RunAsync(bound.Token).ConfigureAwait(false);
            }
        }

        if (request.Prediction is { } p)
        {
            levels = BenchPrediction.Add(levels, p.Model, p.Deployment, p.Efficiency, request.DeploymentUsdPerHour, p.Description);
        }

        var result = new BenchResult
        {
            Url = request.Url.ToString(),
            Model = model,
            Api = request.Api == ApiKind.Chat ? "chat" : "completions",
            Stream = request.Stream,
            Workload = workload.Description,
            StartedAtUtc = started,
            DeploymentUsdPerHour = request.DeploymentUsdPerHour,
            Slo = request.Slo.Any ? request.Slo : null,
            Levels = levels,
            MaxGoodput = search,
            Assumptions = assumptions,
            Interrupted = bound.IsCancellationRequested,
            Warnings = BenchWarnings.Of(request, levels, search),
        };
        if (request.OutputDirectory is { } dir)
        {
            BenchResultFile.WriteSummary(result, dir);
        }

        return result;
    }

    private static RequestLog? OpenLog(BenchRequest request)
    {
        if (request.OutputDirectory is not { } dir)
        {
            return null;
        }

        Directory.CreateDirectory(dir);
        return new RequestLog(Path.Combine(dir, BenchResultFile.RequestsJsonl), BenchClock.Now);
    }
}
