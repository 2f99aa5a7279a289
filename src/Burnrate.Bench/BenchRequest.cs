using Burnrate.Bench.Client;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Workloads;
using Burnrate.Core.Economics;

namespace Burnrate.Bench;

/// <summary>
/// Everything one bench run needs: the endpoint, the load to offer, the workload and the bounds. Surfaces (CLI, web)
/// map their inputs onto it; <see cref="Validate"/> checks every field once, here. Durations are in seconds, as the
/// names say; null means "not set" (the defaults are named in <see cref="BenchResult.Assumptions"/>).
/// </summary>
public sealed partial record BenchRequest
{
    /// <summary>Gets the base URL of the OpenAI-compatible API including its version path, e.g. http://127.0.0.1:8000/v1.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets the model name sent in every request; null asks the server's <c>/models</c> list (it must list exactly one).</summary>
    public string? Model { get; init; }

    /// <summary>Gets which endpoint to call.</summary>
    public ApiKind Api { get; init; } = ApiKind.Chat;

    /// <summary>Gets whether responses are streamed (SSE); false sends non-streaming requests (TTFT = E2E, no TPOT).</summary>
    public bool Stream { get; init; } = true;

    /// <summary>Gets whether a streamed request asks for the final usage chunk (stream_options.include_usage).</summary>
    public bool IncludeUsage { get; init; } = true;

    /// <summary>Gets whether output lengths are forced with ignore_eos and min_tokens (vLLM/SGLang extensions); null = yes, as vLLM's benchmark does.</summary>
    public bool? IgnoreEos { get; init; }

    /// <summary>Gets the API key sent as a Bearer token, or null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets extra request headers (name, value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Gets the fixed-concurrency levels, in order.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [];

    /// <summary>Gets the request-rate levels in requests per second, in order.</summary>
    public IReadOnlyList<double> Rates { get; init; } = [];

    /// <summary>Gets whether rate levels have Poisson rather than constant inter-arrival times; null = Poisson, as vLLM's benchmark.</summary>
    public bool? PoissonArrivals { get; init; }

    /// <summary>Gets the requests per level; null means 100 unless <see cref="DurationSeconds"/> bounds the level.</summary>
    public int? Requests { get; init; }

    /// <summary>Gets the time per level in seconds (scheduling stops; in-flight requests finish), or null.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Gets the warm-up requests sent before the first level and not measured.</summary>
    public int Warmup { get; init; }

    /// <summary>Gets the time in seconds over which fixed-concurrency workers start, evenly spaced.</summary>
    public double RampUpSeconds { get; init; }

    /// <summary>Gets whether to search (bisection over the rate) for the highest rate meeting the SLOs.</summary>
    public bool MaxGoodput { get; init; }

    /// <summary>Gets the lower rate of the goodput search in requests per second.</summary>
    public double SearchLowRate { get; init; } = 0.5;

    /// <summary>Gets the upper rate of the goodput search in requests per second.</summary>
    public double SearchHighRate { get; init; } = 64;

    /// <summary>Gets the bisection steps of the goodput search.</summary>
    public int SearchSteps { get; init; } = 5;

    /// <summary>Gets the share of requests that must meet every SLO for a rate to pass the search; null = 0.9 (DistServe).</summary>
    public double? GoodputAttainment { get; init; }

    /// <summary>Gets the service-level objectives for goodput.</summary>
    public SloSettings Slo { get; init; } = SloSettings.None;

    /// <summary>Gets the prompt length distribution (ignored with <see cref="DatasetPath"/>); null = 128 tokens.</summary>
    public LengthDistribution? InputTokens { get; init; }

    /// <summary>Gets the output length distribution, sent as max_tokens (ignored with <see cref="DatasetPath"/>); null = 128 tokens.</summary>
    public LengthDistribution? OutputTokens { get; init; }

    /// <summary>Gets a ShareGPT-format JSON file to take prompts and output lengths from, or null.</summary>
    public string? DatasetPath { get; init; }

    /// <summary>Gets the tokens of one prefix shared by every prompt (prefix caching).</summary>
    public int SharedPrefixTokens { get; init; }

    /// <summary>Gets the tokenizer: o200k_base, cl100k_base, or a path to a tiktoken vocabulary file; null = o200k_base.</summary>
    public string? Tokenizer { get; init; }

    /// <summary>Gets the seed of lengths, prompts and Poisson arrivals; null = 1.</summary>
    public int? Seed { get; init; }

    /// <summary>Gets the per-request timeout in seconds; null = 600 s.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Gets the longest silence in seconds on an open stream before it counts as stalled; null = 30 s.</summary>
    public double? StallTimeoutSeconds { get; init; }

    /// <summary>Gets the most response bytes kept per request; a longer response fails as <c>too_large</c>.</summary>
    public int MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>Gets the hard bound in seconds on the whole run (prompt building included), or null.</summary>
    public double? MaxSeconds { get; init; }

    /// <summary>Gets what the deployment costs per hour in US dollars, for cost per 1M tokens, or null.</summary>
    public double? DeploymentUsdPerHour { get; init; }

    /// <summary>Gets the cost model's deployment to predict each concurrency level with, or null.</summary>
    public BenchPredictionSetup? Prediction { get; init; }

    /// <summary>Gets the folder to write requests.jsonl (as requests finish), summary.json and summary.csv into, or null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Gets whether earlier results in <see cref="OutputDirectory"/> may be replaced (otherwise a non-empty folder is refused).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Gets assumptions the caller resolved (the deployment price and its source), listed with the load settings.</summary>
    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];

    /// <summary>The default bound on bytes kept per response: 16 MiB.</summary>
    public const int DefaultMaxResponseBytes = 16 * 1024 * 1024;
}
