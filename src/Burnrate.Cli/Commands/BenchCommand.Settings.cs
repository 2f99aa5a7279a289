using System.CommandLine;
using System.Globalization;
using Burnrate.Bench;
using Burnrate.Bench.Client;
using Burnrate.Bench.Metrics;
using Burnrate.Bench.Workloads;
using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Core.Validation;

namespace Burnrate.Cli.Commands;

/// <summary>Maps the bench options onto a <see cref="BenchRequest"/>: text to values here, every check in the request's Validate.</summary>
internal sealed partial class BenchCommand
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["url"] = "--url", ["model"] = "--model", ["headers"] = "--header", ["apiKey"] = "--api-key-env", ["rates"] = "--rate",
        ["durationSeconds"] = "--duration", ["rampUpSeconds"] = "--ramp-up", ["searchLowRate"] = "--search-range", ["goodputAttainment"] = "--goodput-attainment",
        ["slo.ttftSeconds"] = "--slo-ttft", ["slo.tpotSeconds"] = "--slo-tpot", ["slo.e2eSeconds"] = "--slo-e2e", ["datasetPath"] = "--dataset",
        ["timeoutSeconds"] = "--timeout", ["stallTimeoutSeconds"] = "--stall-timeout", ["outputDirectory"] = "--out",
    };

    private BenchRequest BuildRequest(ParseResult parse)
    {
        string url = parse.GetValue(_url) ?? throw new UsageException("--url is required, e.g. --url http://127.0.0.1:8000/v1");
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? baseUrl))
        {
            throw new UsageException($"--url '{url}' is not an http(s) URL; e.g. http://127.0.0.1:8000/v1");
        }

        string apiText = parse.GetValue(_api) ?? "chat";
        ApiKind api = apiText.ToLowerInvariant() switch
        {
            "chat" => ApiKind.Chat,
            "completions" => ApiKind.Completions,
            _ => throw new UsageException($"--api '{apiText}' is not allowed; use chat or completions"),
        };
        string arrivals = (parse.GetValue(_arrivals) ?? "poisson").ToLowerInvariant();
        if (arrivals is not ("poisson" or "constant"))
        {
            throw new UsageException($"--arrivals '{arrivals}' is not allowed; use poisson or constant");
        }

        string range = parse.GetValue(_searchRange) ?? "0.5:64";
        string[] bounds = range.Split(':');
        if (bounds.Length != 2 || !TryDouble(bounds[0], out double low) || !TryDouble(bounds[1], out double high))
        {
            throw new UsageException($"--search-range '{range}' is not LOW:HIGH with 0 < LOW < HIGH requests/s");
        }

        var assumptions = new List<Assumption>();
        var request = new BenchRequest
        {
            Url = baseUrl,
            Model = parse.GetValue(_model),
            Api = api,
            Stream = parse.GetValue(_stream) && !parse.GetValue(_noStream),
            IncludeUsage = parse.GetValue(_includeUsage) && !parse.GetValue(_noIncludeUsage),
            IgnoreEos = parse.GetValue(_noIgnoreEos) ? false : Given(parse, _ignoreEos),
            ApiKey = ApiKey(parse),
            Headers = Headers(parse),
            Concurrency = ParseInts("--concurrency", parse.GetValue(_concurrency)),
            Rates = ParseDoubles("--rate", parse.GetValue(_rate)),
            PoissonArrivals = parse.GetResult(_arrivals) is null or { Implicit: true } ? null : arrivals == "poisson",
            Requests = parse.GetValue(_requests),
            DurationSeconds = OptionalSeconds(parse, _duration, "--duration"),
            Warmup = parse.GetValue(_warmup),
            RampUpSeconds = DurationText.ParseNonNegative("--ramp-up", parse.GetValue(_rampUp)).Seconds,
            MaxGoodput = parse.GetValue(_maxGoodput),
            SearchLowRate = low,
            SearchHighRate = high,
            SearchSteps = parse.GetValue(_searchSteps),
            GoodputAttainment = Given(parse, _attainment),
            Slo = new SloSettings(OptionalSeconds(parse, _sloTtft, "--slo-ttft"), OptionalSeconds(parse, _sloTpot, "--slo-tpot"), OptionalSeconds(parse, _sloE2e, "--slo-e2e")),
            InputTokens = parse.GetResult(_inputTokens) is null or { Implicit: true } ? null : Length("--input-tokens", parse.GetValue(_inputTokens)!),
            OutputTokens = parse.GetResult(_outputTokens) is null or { Implicit: true } ? null : Length("--output-tokens", parse.GetValue(_outputTokens)!),
            DatasetPath = parse.GetValue(_dataset),
            SharedPrefixTokens = parse.GetValue(_sharedPrefix),
            Tokenizer = parse.GetResult(_tokenizer) is null or { Implicit: true } ? null : parse.GetValue(_tokenizer),
            Seed = Given(parse, _seed),
            TimeoutSeconds = parse.GetResult(_timeout) is null or { Implicit: true } ? null : Seconds("--timeout", parse.GetValue(_timeout)!),
            StallTimeoutSeconds = parse.GetResult(_stallTimeout) is null or { Implicit: true } ? null : Seconds("--stall-timeout", parse.GetValue(_stallTimeout)!),
            MaxResponseBytes = parse.GetValue(_maxResponseBytes),
            MaxSeconds = OptionalSeconds(parse, _maxSeconds, "--max-seconds"),
            OutputDirectory = parse.GetValue(_out),
            Overwrite = parse.GetValue(_overwrite),
        };
        try
        {
            request = request with { DeploymentUsdPerHour = DeploymentPrice(parse, assumptions), Assumptions = assumptions };
        }
        catch (InputException e)
        {
            throw Mapped(e);
        }

        Check(request.Validate());
        return request with { Prediction = PredictionSetup(parse) };
    }

    /// <summary>Throws the errors with each field named by its option (one line each).</summary>
    private static void Check(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw Mapped(new InputException(errors));
        }
    }

    /// <summary>Names each field of a bench error by the option that sets it.</summary>
    private static InputException Mapped(InputException e) => new([.. e.Errors.Select(Describe)], e.Location);

    private static FieldError Describe(FieldError e) => e.Field switch
    {
        "slo" => new FieldError("", "", "--max-goodput needs at least one of --slo-ttft, --slo-tpot, --slo-e2e"),
        "outputDirectory" when e.Allowed.Contains("earlier results", StringComparison.Ordinal) =>
            new FieldError("", "", $"--out '{e.Value}' holds earlier results; pass --overwrite to replace them, or pick a new folder"),
        "gpuHourUsd" when e.Value.Length == 0 => new FieldError("", "", e.Allowed + "; pass --gpu-hour-usd or --deployment-usd-per-hour"),
        _ => e with { Field = OptionOf.GetValueOrDefault(e.Field) ?? OptionNames.For(e.Field) },
    };

    private string? ApiKey(ParseResult parse)
    {
        if (parse.GetValue(_apiKeyEnv) is not { } envName)
        {
            return null;
        }

        string? key = Environment.GetEnvironmentVariable(envName);
        return string.IsNullOrEmpty(key) ? throw new UsageException($"--api-key-env {envName}: the environment variable is not set or empty") : key;
    }

    private List<KeyValuePair<string, string>> Headers(ParseResult parse)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string h in parse.GetValue(_header) ?? [])
        {
            int colon = h.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new UsageException($"--header '{Escape(h)}' is not NAME:VALUE");
            }

            headers.Add(new(h[..colon].Trim(), h[(colon + 1)..].Trim(' ', '\t')));
        }

        return headers;
    }

    private static T? Given<T>(ParseResult parse, Option<T> option)
        where T : struct => parse.GetResult(option) is null or { Implicit: true } ? null : parse.GetValue(option);

    private static double? OptionalSeconds(ParseResult parse, Option<string?> option, string name) =>
        parse.GetValue(option) is { } text ? Seconds(name, text) : null;

    private static LengthDistribution Length(string option, string text) =>
        LengthDistribution.TryParse(text, out LengthDistribution d, out string error) ? d : throw new UsageException(option + ": " + error);

    /// <summary>Parses a duration with its unit (the one duration parser: a bare number is refused).</summary>
    private static double Seconds(string option, string text) => DurationText.Parse(option, text).Seconds;

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));

    private static List<int> ParseInts(string option, string? text)
    {
        var values = new List<int>();
        foreach (string part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < 1 || v > BenchRequest.MaxConcurrency)
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
            if (!TryDouble(part, out double v) || !(v > 0) || v > BenchRequest.MaxRate)
            {
                throw new UsageException($"{option}: '{part}' is not a positive rate in requests/s (a comma-separated list, e.g. 2,4,8)");
            }

            values.Add(v);
        }

        return values;
    }

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
