using System.CommandLine;
using Burnrate.Bench;
using Burnrate.Core.Validation;
using Burnrate.Reports.Json;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate bench</c>: drives an OpenAI-compatible endpoint with concurrency sweeps or request rates and reports the
/// serving measurements of docs/metrics.md, goodput under SLOs and cost per 1M tokens. <c>bench compare</c> diffs two runs.
/// </summary>
internal sealed partial class BenchCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly Option<string> _url = new("--url") { Description = "Base URL of the OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1" };
    private readonly Option<string> _model = new("--model") { Description = "Model name sent in each request" };
    private readonly Option<string> _api = new("--api") { Description = "chat (/chat/completions) or completions (/completions)", DefaultValueFactory = _ => "chat" };
    private readonly Option<bool> _stream = new("--stream") { Description = "Stream responses (SSE); false sends non-streaming requests (TTFT = E2E)", DefaultValueFactory = _ => true };
    private readonly Option<string?> _concurrency = new("--concurrency") { Description = "Fixed-concurrency levels, e.g. 1,8,32" };
    private readonly Option<string?> _rate = new("--rate") { Description = "Request-rate levels in requests/s, e.g. 2,4,8" };
    private readonly Option<string> _arrivals = new("--arrivals") { Description = "Rate-level arrivals: poisson or constant", DefaultValueFactory = _ => "poisson" };
    private readonly Option<int?> _requests = new("--requests") { Description = $"Requests per level (default 100 unless --duration is given)" };
    private readonly Option<string?> _duration = new("--duration") { Description = "Time per level, e.g. 60s (stops scheduling; in-flight requests finish)" };
    private readonly Option<int> _warmup = new("--warmup") { Description = "Warm-up requests before the first level (not measured)", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _rampUp = new("--ramp-up") { Description = "Spread the start of concurrency workers over this time, e.g. 2s", DefaultValueFactory = _ => "0s" };
    private readonly Option<bool> _maxGoodput = new("--max-goodput") { Description = "Search (bisection over rate) for the highest rate meeting the SLOs" };
    private readonly Option<string> _searchRange = new("--search-range") { Description = "Rates bracketing the goodput search, LOW:HIGH in requests/s", DefaultValueFactory = _ => "0.5:64" };
    private readonly Option<int> _searchSteps = new("--search-steps") { Description = "Bisection steps of the goodput search", DefaultValueFactory = _ => 5 };
    private readonly Option<double> _attainment = new("--goodput-attainment") { Description = "Share of requests that must meet every SLO for a rate to pass the search", DefaultValueFactory = _ => 0.9 };
    private readonly Option<string> _inputTokens = new("--input-tokens") { Description = "Prompt length: N, uniform:MIN:MAX, normal:MEAN:SD or lognormal:MEDIAN:SIGMA", DefaultValueFactory = _ => "128" };
    private readonly Option<string> _outputTokens = new("--output-tokens") { Description = "Output length (max_tokens), same forms as --input-tokens", DefaultValueFactory = _ => "128" };
    private readonly Option<string?> _dataset = new("--dataset") { Description = "A ShareGPT-format JSON file to take prompts and output lengths from" };
    private readonly Option<int> _sharedPrefix = new("--shared-prefix-tokens") { Description = "Tokens of one prefix shared by every prompt (prefix caching)", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _tokenizer = new("--tokenizer") { Description = "o200k_base, cl100k_base, or a tiktoken vocabulary file", DefaultValueFactory = _ => "o200k_base" };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of lengths, prompts and Poisson arrivals", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> _ignoreEos = new("--ignore-eos") { Description = "Force output lengths with ignore_eos and min_tokens (vLLM/SGLang); false for endpoints that reject them", DefaultValueFactory = _ => true };
    private readonly Option<bool> _includeUsage = new("--include-usage") { Description = "Ask for the final usage chunk (stream_options.include_usage)", DefaultValueFactory = _ => true };
    private readonly Option<string?> _apiKeyEnv = new("--api-key-env") { Description = "Name of the environment variable holding the API key (sent as a Bearer token)" };
    private readonly Option<string[]> _header = new("--header") { Description = "Extra request header K:V (repeatable)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> _timeout = new("--timeout") { Description = "Per-request timeout", DefaultValueFactory = _ => "600s" };
    private readonly Option<string> _stallTimeout = new("--stall-timeout") { Description = "Longest silence on an open stream before it counts as stalled", DefaultValueFactory = _ => "30s" };
    private readonly Option<string?> _sloTtft = new("--slo-ttft") { Description = "TTFT objective for goodput, e.g. 500ms" };
    private readonly Option<string?> _sloTpot = new("--slo-tpot") { Description = "TPOT objective for goodput, e.g. 50ms" };
    private readonly Option<string?> _sloE2e = new("--slo-e2e") { Description = "End-to-end latency objective for goodput, e.g. 10s" };
    private readonly Option<double?> _deploymentUsd = new("--deployment-usd-per-hour") { Description = "What the deployment costs per hour, for cost per 1M tokens" };
    private readonly Option<string?> _gpu = new("--gpu") { Description = "Accelerator id: cost = its catalog on-demand price (or --gpu-hour-usd) × --gpus" };
    private readonly Option<int> _gpus = new("--gpus") { Description = "Number of accelerators in the deployment", DefaultValueFactory = _ => 1 };
    private readonly Option<double?> _gpuHourUsd = new("--gpu-hour-usd") { Description = "Price of one device-hour, overriding the catalog's" };
    private readonly Option<string?> _maxSeconds = new("--max-seconds") { Description = "Hard bound on the whole run (e.g. 300s); what was measured is kept" };
    private readonly Option<string?> _out = new("--out") { Description = "Directory for requests.jsonl (appended as requests finish), summary.json, summary.csv and report.html" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the summary JSON (base units) instead of tables" };

    public BenchCommand(GlobalOptions globals)
        : base("bench", "Measure an OpenAI-compatible endpoint: TTFT, TPOT, ITL, E2E, throughput, goodput and cost per 1M tokens")
    {
        _globals = globals;
        foreach (Option option in new Option[]
        {
            _url, _model, _api, _stream, _concurrency, _rate, _arrivals, _requests, _duration, _warmup, _rampUp, _maxGoodput, _searchRange, _searchSteps,
            _attainment, _inputTokens, _outputTokens, _dataset, _sharedPrefix, _tokenizer, _seed, _ignoreEos, _includeUsage, _apiKeyEnv, _header, _timeout,
            _stallTimeout, _sloTtft, _sloTpot, _sloE2e, _deploymentUsd, _gpu, _gpus, _gpuHourUsd, _modelId, _maxSeconds, _maxResponseBytes, _out, _overwrite, _json, _noStream, _noIgnoreEos, _noIncludeUsage,
        })
        {
            Options.Add(option);
        }

        _deployment.AddTo(this);

        Subcommands.Add(new BenchCompareCommand());
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        BenchRequest request = BuildRequest(parse);
        TextWriter error = parse.InvocationConfiguration.Error;
        using var stop = new SignalStop(error, "bench: stopping; the summary keeps what was measured (press Ctrl-C again to quit at once)", cancellationToken);
        BenchResult result;
        try
        {
            result = await BenchSession.RunAsync(request, new BenchProgressWriter(error), stop.Token).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            throw Mapped(e);
        }

        string? outDir = request.OutputDirectory;
        if (outDir is not null)
        {
            Burnrate.Reports.Bench.BenchReport.WriteHtml(result, outDir);
        }

        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(result));
        }
        else
        {
            Render(parse, result, outDir);
        }

        foreach (string warning in result.Warnings ?? [])
        {
            error.WriteLine("bench: warning: " + warning);
        }

        if (result.Interrupted)
        {
            error.WriteLine("bench: interrupted; results hold what was measured" + (outDir is null ? "" : " (" + outDir + ")"));
        }

        if (stop.ExitCode is { } signalled)
        {
            return signalled;
        }

        return result.Levels.Sum(l => l.Completed) > 0 || result.Levels.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
