using System.Globalization;
using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Workloads;
using Burnrate.Core.Economics;
using Microsoft.ML.Tokenizers;
using Burnrate.Core.Validation;

namespace Burnrate.Bench;

/// <summary>Maps a validated <see cref="BenchRequest"/> onto client, load and workload settings, naming every default it applies.</summary>
internal static class BenchSettings
{
    public const string DefaultTokenizer = "o200k_base";
    public const double DefaultTimeoutSeconds = 600;
    public const double DefaultStallTimeoutSeconds = 30;
    public const int DefaultSeed = 1;

    public static ClientOptions Client(BenchRequest request, string model)
    {
        // Open-loop rates have no bound on requests in flight, so neither may the pool (a queued request would hide as TTFT).
        bool openLoop = request.Rates.Count > 0 || request.MaxGoodput;
        int maxConcurrency = request.Concurrency.DefaultIfEmpty(64).Max();
        return new ClientOptions
        {
            BaseUrl = request.Url,
            Api = request.Api,
            Model = model,
            Stream = request.Stream,
            IncludeUsage = request.IncludeUsage,
            IgnoreEos = request.IgnoreEos ?? true,
            ApiKey = request.ApiKey,
            Headers = request.Headers,
            RequestTimeoutSeconds = request.TimeoutSeconds ?? DefaultTimeoutSeconds,
            StallTimeoutSeconds = request.StallTimeoutSeconds ?? DefaultStallTimeoutSeconds,
            MaxConnections = openLoop ? int.MaxValue : Math.Max(maxConcurrency, 64),
            MaxResponseBytes = request.MaxResponseBytes,
        };
    }

    public static LoadSettings Load(BenchRequest request)
    {
        bool defaultLevel = request.Concurrency.Count == 0 && request.Rates.Count == 0 && !request.MaxGoodput;
        return new LoadSettings
        {
            Concurrency = defaultLevel ? [1] : request.Concurrency,
            Rates = request.Rates,
            Poisson = request.PoissonArrivals ?? true,
            Requests = request.Requests,
            DurationSeconds = request.DurationSeconds,
            Warmup = request.Warmup,
            RampUpSeconds = request.RampUpSeconds,
            MaxGoodput = request.MaxGoodput,
            SearchLowRate = request.SearchLowRate,
            SearchHighRate = request.SearchHighRate,
            SearchSteps = request.SearchSteps,
            GoodputAttainment = request.GoodputAttainment ?? LoadSettings.DefaultGoodputAttainment,
            Seed = request.Seed ?? DefaultSeed,
            Slo = request.Slo,
            DeploymentUsdPerHour = request.DeploymentUsdPerHour,
        };
    }

    /// <summary>Builds the requests to send before any is sent; bounded by <paramref name="cancellationToken"/> (the run's MaxSeconds).</summary>
    public static Workload Workload(BenchRequest request, Tokenizer tokenizer, LoadSettings load, CancellationToken cancellationToken)
    {
        int perLevel = load.RequestBound ?? 1000;
        int levels = load.Concurrency.Count + load.Rates.Count + (load.MaxGoodput ? load.SearchSteps + 2 : 0);
        int count = Math.Clamp(perLevel, 1, 4096);
        if (request.DatasetPath is { } dataset)
        {
            try
            {
                IReadOnlyList<WorkItem> items = ShareGptDataset.Load(dataset, tokenizer, Math.Max(count * Math.Max(levels, 1), 1));
                return Workloads.Workload.FromItems(items, "dataset: " + Path.GetFileName(dataset));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or OverflowException or InvalidOperationException or FormatException)
            {
                throw new InputException("datasetPath", dataset, "a ShareGPT-format JSON file (" + e.Message + ")");
            }
        }

        return Workloads.Workload.Synthetic(tokenizer, request.InputTokens ?? DefaultLength, request.OutputTokens ?? DefaultLength, count, load.Seed, request.SharedPrefixTokens, cancellationToken);
    }

    /// <summary>Lists the settings of the run with their sources, in the order the result has always shown them.</summary>
    public static List<Assumption> Assumptions(BenchRequest request, LoadSettings load, Workload workload)
    {
        var list = new List<Assumption>
        {
            new("tokenizer", request.Tokenizer ?? DefaultTokenizer, Source(request.Tokenizer, "default: o200k_base; counts output when the server gives no usage, and sizes prompts")),
            new("ignore-eos", request.IgnoreEos ?? true ? "true" : "false", Source(request.IgnoreEos, "default: force output lengths (ignore_eos, min_tokens), as vLLM's benchmark does")),
            new("timeout", Fmt(request.TimeoutSeconds ?? DefaultTimeoutSeconds) + " s", Source(request.TimeoutSeconds, "default per-request bound")),
            new("stall-timeout", Fmt(request.StallTimeoutSeconds ?? DefaultStallTimeoutSeconds) + " s", Source(request.StallTimeoutSeconds, "default: silence after which a stream counts as stalled")),
            new("percentiles", "exact, linear interpolation (numpy default)", "Hyndman & Fan 1996 type 7"),
        };
        if (request.Concurrency.Count == 0 && request.Rates.Count == 0 && !request.MaxGoodput)
        {
            list.Add(new("concurrency", "1", "default: no --concurrency, --rate or --max-goodput given"));
        }

        list.AddRange(request.Assumptions);
        if (request.Requests is null && request.DurationSeconds is null)
        {
            list.Add(new("requests", load.RequestBound!.Value.ToString(CultureInfo.InvariantCulture) + " per level", "default: neither --requests nor --duration given"));
        }

        list.Add(new("seed", load.Seed.ToString(CultureInfo.InvariantCulture), Source(request.Seed, "default")));
        if (request.Rates.Count > 0 || request.MaxGoodput)
        {
            list.Add(new("arrivals", load.Poisson ? "poisson" : "constant", Source(request.PoissonArrivals, "default: Poisson arrivals, as vLLM's benchmark_serving")));
        }

        if (request.MaxGoodput)
        {
            list.Add(new("goodput-attainment", Fmt(load.GoodputAttainment), Source(request.GoodputAttainment, "default: 90% SLO attainment, DistServe (Zhong et al., OSDI 2024)")));
        }

        if (request.DatasetPath is { } dataset)
        {
            list.Add(new("dataset", Path.GetFileName(dataset) + $" ({workload.Count} conversations, ShareGPT format)", "user"));
        }
        else
        {
            list.Add(new("input-tokens", (request.InputTokens ?? DefaultLength).ToString(), Source(request.InputTokens, "default")));
            list.Add(new("output-tokens", (request.OutputTokens ?? DefaultLength).ToString(), Source(request.OutputTokens, "default")));
        }

        if (request.Prediction is { } p)
        {
            list.AddRange(p.Assumptions);
            list.Add(new("prediction", p.Description, "cost model (docs/infer.md): TTFT = prefill alone, TPOT = one decode step at the level's concurrency, mean request shape of the level"));
        }

        return list;
    }

    private static LengthDistribution DefaultLength => LengthDistribution.Fixed(128);

    private static string Source(object? given, string fallback) => given is null ? fallback : "user";

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
