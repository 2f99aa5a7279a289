using System.CommandLine;
using System.Globalization;
using Burnrate.Bench;
using Burnrate.Bench.Client;
using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Workloads;
using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Microsoft.ML.Tokenizers;

namespace Burnrate.Cli.Commands;

/// <summary>Maps the bench options onto client, load and workload settings, validating each and naming every default.</summary>
internal sealed partial class BenchCommand
{
    private ClientOptions ClientSettings(ParseResult parse, List<Assumption> assumptions, out Tokenizer tokenizer)
    {
        string url = parse.GetValue(_url) ?? throw new UsageException("--url is required, e.g. --url http://127.0.0.1:8000/v1");
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--url '{url}' is not an http(s) URL; e.g. http://127.0.0.1:8000/v1");
        }

        string model = parse.GetValue(_model) ?? throw new UsageException("--model is required: the model name the server expects");
        string apiText = parse.GetValue(_api) ?? "chat";
        ApiKind api = apiText.ToLowerInvariant() switch
        {
            "chat" => ApiKind.Chat,
            "completions" => ApiKind.Completions,
            _ => throw new UsageException($"--api '{apiText}' is not allowed; use chat or completions"),
        };
        string? key = null;
        if (parse.GetValue(_apiKeyEnv) is { } envName)
        {
            key = Environment.GetEnvironmentVariable(envName);
            if (string.IsNullOrEmpty(key))
            {
                throw new UsageException($"--api-key-env {envName}: the environment variable is not set or empty");
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (string h in parse.GetValue(_header) ?? [])
        {
            int colon = h.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new UsageException($"--header '{h}' is not NAME:VALUE");
            }

            headers.Add(new(h[..colon].Trim(), h[(colon + 1)..].Trim()));
        }

        string tokenizerName = parse.GetValue(_tokenizer) ?? "o200k_base";
        try
        {
            tokenizer = BenchTokenizer.ByName(tokenizerName);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--tokenizer '{tokenizerName}' is not allowed; use o200k_base, cl100k_base or a tiktoken vocabulary file");
        }

        bool ignoreEos = parse.GetValue(_ignoreEos);
        double timeout = Seconds("--timeout", parse.GetValue(_timeout)!);
        double stall = Seconds("--stall-timeout", parse.GetValue(_stallTimeout)!);
        assumptions.Add(new Assumption("tokenizer", tokenizerName, Source(parse, _tokenizer, "default: o200k_base; counts output when the server gives no usage, and sizes prompts")));
        assumptions.Add(new Assumption("ignore-eos", ignoreEos ? "true" : "false", Source(parse, _ignoreEos, "default: force output lengths (ignore_eos, min_tokens), as vLLM's benchmark does")));
        assumptions.Add(new Assumption("timeout", Fmt(timeout) + " s", Source(parse, _timeout, "default per-request bound")));
        assumptions.Add(new Assumption("stall-timeout", Fmt(stall) + " s", Source(parse, _stallTimeout, "default: silence after which a stream counts as stalled")));
        assumptions.Add(new Assumption("percentiles", "exact, linear interpolation (numpy default)", "Hyndman & Fan 1996 type 7"));
        int maxConcurrency = ParseInts("--concurrency", parse.GetValue(_concurrency)).DefaultIfEmpty(64).Max();
        // Open-loop rates have no bound on requests in flight, so neither may the pool (a queued request would hide as TTFT).
        bool openLoop = !string.IsNullOrWhiteSpace(parse.GetValue(_rate)) || parse.GetValue(_maxGoodput);
        return new ClientOptions
        {
            BaseUrl = baseUrl,
            Api = api,
            Model = model,
            Stream = parse.GetValue(_stream),
            IncludeUsage = parse.GetValue(_includeUsage),
            IgnoreEos = ignoreEos,
            ApiKey = key,
            Headers = headers,
            RequestTimeoutSeconds = Positive("--timeout", timeout),
            StallTimeoutSeconds = Positive("--stall-timeout", stall),
            MaxConnections = openLoop ? int.MaxValue : Math.Max(maxConcurrency, 64),
        };
    }

    private LoadSettings BuildLoad(ParseResult parse, List<Assumption> assumptions)
    {
        List<int> concurrency = ParseInts("--concurrency", parse.GetValue(_concurrency));
        List<double> rates = ParseDoubles("--rate", parse.GetValue(_rate));
        bool maxGoodput = parse.GetValue(_maxGoodput);
        var slo = new SloSettings(
            parse.GetValue(_sloTtft) is { } t ? Seconds("--slo-ttft", t) : null,
            parse.GetValue(_sloTpot) is { } p ? Seconds("--slo-tpot", p) : null,
            parse.GetValue(_sloE2e) is { } e ? Seconds("--slo-e2e", e) : null);
        if (maxGoodput && !slo.Any)
        {
            throw new UsageException("--max-goodput needs at least one of --slo-ttft, --slo-tpot, --slo-e2e");
        }

        if (concurrency.Count == 0 && rates.Count == 0 && !maxGoodput)
        {
            concurrency = [1];
            assumptions.Add(new Assumption("concurrency", "1", "default: no --concurrency, --rate or --max-goodput given"));
        }

        string arrivals = (parse.GetValue(_arrivals) ?? "poisson").ToLowerInvariant();
        if (arrivals is not ("poisson" or "constant"))
        {
            throw new UsageException($"--arrivals '{arrivals}' is not allowed; use poisson or constant");
        }

        int? requests = parse.GetValue(_requests);
        if (requests is < 1)
        {
            throw new UsageException($"--requests must be at least 1, got {requests}");
        }

        double? duration = parse.GetValue(_duration) is { } d ? Positive("--duration", Seconds("--duration", d)) : null;
        int warmup = parse.GetValue(_warmup);
        if (warmup < 0)
        {
            throw new UsageException($"--warmup must be 0 or more, got {warmup}");
        }

        string range = parse.GetValue(_searchRange) ?? "0.5:64";
        string[] bounds = range.Split(':');
        if (bounds.Length != 2 || !TryDouble(bounds[0], out double low) || !TryDouble(bounds[1], out double high) || !(low > 0) || !(high > low))
        {
            throw new UsageException($"--search-range '{range}' is not LOW:HIGH with 0 < LOW < HIGH requests/s");
        }

        double attainment = parse.GetValue(_attainment);
        if (!(attainment > 0 && attainment <= 1))
        {
            throw new UsageException($"--goodput-attainment must be in (0, 1], got {Fmt(attainment)}");
        }

        int steps = parse.GetValue(_searchSteps);
        if (steps is < 0 or > 20)
        {
            throw new UsageException($"--search-steps must be 0..20, got {steps}");
        }

        int seed = parse.GetValue(_seed);
        var settings = new LoadSettings
        {
            Concurrency = concurrency,
            Rates = rates,
            Poisson = arrivals == "poisson",
            Requests = requests,
            DurationSeconds = duration,
            Warmup = warmup,
            RampUpSeconds = Seconds("--ramp-up", parse.GetValue(_rampUp)!),
            MaxGoodput = maxGoodput,
            SearchLowRate = low,
            SearchHighRate = high,
            SearchSteps = steps,
            GoodputAttainment = attainment,
            Seed = seed,
            Slo = slo,
            DeploymentUsdPerHour = DeploymentPrice(parse, assumptions),
        };
        if (requests is null && duration is null)
        {
            assumptions.Add(new Assumption("requests", settings.RequestBound!.Value.ToString(CultureInfo.InvariantCulture) + " per level", "default: neither --requests nor --duration given"));
        }

        assumptions.Add(new Assumption("seed", seed.ToString(CultureInfo.InvariantCulture), Source(parse, _seed, "default")));
        if (rates.Count > 0 || maxGoodput)
        {
            assumptions.Add(new Assumption("arrivals", arrivals, Source(parse, _arrivals, "default: Poisson arrivals, as vLLM's benchmark_serving")));
        }

        if (maxGoodput)
        {
            assumptions.Add(new Assumption("goodput-attainment", Fmt(attainment), Source(parse, _attainment, "default: 90% SLO attainment, DistServe (Zhong et al., OSDI 2024)")));
        }

        return settings;
    }

    private Workload MakeWorkload(ParseResult parse, Tokenizer tokenizer, LoadSettings load, List<Assumption> assumptions)
    {
        int perLevel = load.RequestBound ?? 1000;
        int levels = load.Concurrency.Count + load.Rates.Count + (load.MaxGoodput ? load.SearchSteps + 2 : 0);
        int count = Math.Clamp(perLevel, 1, 4096);
        if (parse.GetValue(_dataset) is { } dataset)
        {
            if (!File.Exists(dataset))
            {
                throw new UsageException($"--dataset '{dataset}': file not found");
            }

            try
            {
                IReadOnlyList<WorkItem> items = ShareGptDataset.Load(dataset, tokenizer, Math.Max(count * Math.Max(levels, 1), 1));
                assumptions.Add(new Assumption("dataset", Path.GetFileName(dataset) + $" ({items.Count} conversations, ShareGPT format)", "user"));
                return Workload.FromItems(items, "dataset: " + Path.GetFileName(dataset));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                throw new UsageException($"--dataset '{dataset}': {e.Message}");
            }
        }

        LengthDistribution input = Length("--input-tokens", parse.GetValue(_inputTokens)!);
        LengthDistribution output = Length("--output-tokens", parse.GetValue(_outputTokens)!);
        int prefix = parse.GetValue(_sharedPrefix);
        if (prefix < 0)
        {
            throw new UsageException($"--shared-prefix-tokens must be 0 or more, got {prefix}");
        }

        assumptions.Add(new Assumption("input-tokens", input.ToString(), Source(parse, _inputTokens, "default")));
        assumptions.Add(new Assumption("output-tokens", output.ToString(), Source(parse, _outputTokens, "default")));
        return Workload.Synthetic(tokenizer, input, output, count, load.Seed, prefix);
    }

    private double? DeploymentPrice(ParseResult parse, List<Assumption> assumptions)
    {
        if (parse.GetValue(_deploymentUsd) is { } usd)
        {
            Positive("--deployment-usd-per-hour", usd);
            assumptions.Add(new Assumption("deployment-usd-per-hour", "$" + Fmt(usd) + "/h", "user"));
            return usd;
        }

        if (parse.GetValue(_gpu) is not { } gpuId)
        {
            return null;
        }

        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        AcceleratorSpec gpu = catalog.Accelerator(gpuId);
        int gpus = parse.GetValue(_gpus);
        if (gpus < 1)
        {
            throw new UsageException($"--gpus must be at least 1, got {gpus}");
        }

        double perDevice;
        if (parse.GetValue(_gpuHourUsd) is { } price)
        {
            perDevice = Positive("--gpu-hour-usd", price);
            assumptions.Add(new Assumption("gpu-hour-usd", "$" + Fmt(price) + "/device-h", "user"));
        }
        else if (gpu.CloudPricePerHour is { } cloud)
        {
            perDevice = cloud.Amount.Value;
            assumptions.Add(new Assumption("gpu-hour-usd", "$" + Fmt(perDevice) + "/device-h", $"catalog on-demand price, {gpu.CloudProvider}: {cloud.Provenance.Source} ({cloud.Provenance.AsOf:yyyy-MM-dd})"));
        }
        else
        {
            throw new UsageException($"accelerator '{gpu.Id}' has no cloud price in the catalog; pass --gpu-hour-usd or --deployment-usd-per-hour");
        }

        assumptions.Add(new Assumption("deployment-usd-per-hour", "$" + Fmt(perDevice * gpus) + "/h", $"{gpus} × {gpu.Id}"));
        return perDevice * gpus;
    }

    private static LengthDistribution Length(string option, string text) =>
        LengthDistribution.TryParse(text, out LengthDistribution d, out string error) ? d : throw new UsageException(option + ": " + error);

    internal static double Seconds(string option, string text) =>
        DurationText.TryParseSeconds(text, out double s) ? s : throw new UsageException($"{option} '{text}' is not a duration; use e.g. 250ms, 2s, 1.5m");

    private static double Positive(string option, double value) =>
        value > 0 && double.IsFinite(value) ? value : throw new UsageException($"{option} must be a positive number, got {Fmt(value)}");

    private static List<int> ParseInts(string option, string? text)
    {
        var values = new List<int>();
        foreach (string part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < 1 || v > 100_000)
            {
                throw new UsageException($"{option}: '{part}' is not a whole number in 1..100000 (a comma-separated list, e.g. 1,8,32)");
            }

            values.Add(v);
        }

        return values;
    }

    private static List<double> ParseDoubles(string option, string? text)
    {
        var values = new List<double>();
        foreach (string part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryDouble(part, out double v) || !(v > 0) || v > 1e6)
            {
                throw new UsageException($"{option}: '{part}' is not a positive rate in requests/s (a comma-separated list, e.g. 2,4,8)");
            }

            values.Add(v);
        }

        return values;
    }

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Source(ParseResult parse, Option option, string fallback) => parse.GetResult(option) is null or { Implicit: true } ? fallback : "user";

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
