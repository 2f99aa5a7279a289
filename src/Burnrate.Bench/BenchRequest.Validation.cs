using System.Globalization;
using Burnrate.Core.Validation;

namespace Burnrate.Bench;

/// <summary>The checks of every <see cref="BenchRequest"/> field, with the finite range each may take.</summary>
public sealed partial record BenchRequest
{
    /// <summary>Gets the largest concurrency level.</summary>
    public const int MaxConcurrency = 100_000;

    /// <summary>Gets the largest rate level in requests per second.</summary>
    public const double MaxRate = 1e6;

    /// <summary>Gets the longest duration any field may take, in seconds (about 11.6 days; .NET timers take at most 24.8 days).</summary>
    public const double MaxDurationSeconds = 1e6;

    /// <summary>Returns every bad field (empty when the request is valid); nothing is sent or read but the tokenizer and dataset paths' existence.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Check(bool ok, string field, object? value, string allowed)
        {
            if (!ok)
            {
                errors.Add(new FieldError(field, Text(value), allowed));
            }
        }

        Check(Url is { IsAbsoluteUri: true } u && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps), "url", Url, "an absolute http(s) URL, e.g. http://127.0.0.1:8000/v1");
        Check(Model is null || !string.IsNullOrWhiteSpace(Model), "model", Model, "a model name the server expects");
        foreach (KeyValuePair<string, string> h in Headers)
        {
            Check(h.Key.Length > 0 && h.Key.All(IsTokenChar), "headers", h.Key, "a header name of letters, digits and !#$%&'*+-.^_`|~");
            Check(!h.Value.Any(c => c is '\r' or '\n' or '\0'), "headers", h.Key + ": " + h.Value, "a header value without CR, LF or NUL");
        }

        Check(ApiKey is null || !ApiKey.Any(c => c is '\r' or '\n' or '\0'), "apiKey", "(hidden)", "a key without CR, LF or NUL");
        foreach (int c in Concurrency)
        {
            Check(c is >= 1 and <= MaxConcurrency, "concurrency", c, $"whole numbers in 1..{MaxConcurrency}");
        }

        foreach (double r in Rates)
        {
            Check(r > 0 && r <= MaxRate, "rates", r, "rates in requests/s above 0 and at most 1e6");
        }

        Check(Requests is null or >= 1 and <= 10_000_000, "requests", Requests, "1..10000000 requests per level");
        Check(DurationSeconds is null || InRange(DurationSeconds.Value), "durationSeconds", DurationSeconds, "a duration above 0 s and at most 1e6 s");
        Check(Warmup is >= 0 and <= 1_000_000, "warmup", Warmup, "0..1000000 requests");
        Check(RampUpSeconds >= 0 && RampUpSeconds <= MaxDurationSeconds, "rampUpSeconds", RampUpSeconds, "0 s up to 1e6 s");
        Check(SearchLowRate > 0 && SearchHighRate > SearchLowRate && SearchHighRate <= MaxRate, "searchLowRate", Text(SearchLowRate) + ":" + Text(SearchHighRate), "LOW:HIGH with 0 < LOW < HIGH ≤ 1e6 requests/s");
        Check(SearchSteps is >= 0 and <= 20, "searchSteps", SearchSteps, "0..20");
        Check(GoodputAttainment is null or (> 0 and <= 1), "goodputAttainment", GoodputAttainment, "a share in (0, 1]");
        Check(!MaxGoodput || Slo.Any, "slo", "none", "at least one of the TTFT, TPOT and E2E objectives for the goodput search");
        Check(Slo.TtftSeconds is null || InRange(Slo.TtftSeconds.Value), "slo.ttftSeconds", Slo.TtftSeconds, "a duration above 0 s and at most 1e6 s");
        Check(Slo.TpotSeconds is null || InRange(Slo.TpotSeconds.Value), "slo.tpotSeconds", Slo.TpotSeconds, "a duration above 0 s and at most 1e6 s");
        Check(Slo.E2eSeconds is null || InRange(Slo.E2eSeconds.Value), "slo.e2eSeconds", Slo.E2eSeconds, "a duration above 0 s and at most 1e6 s");
        Check(SharedPrefixTokens is >= 0 and <= Workloads.LengthDistribution.MaxTokens, "sharedPrefixTokens", SharedPrefixTokens, $"0..{Workloads.LengthDistribution.MaxTokens} tokens");
        Check(Tokenizer is null || BenchTokenizer.IsKnown(Tokenizer), "tokenizer", Tokenizer, "o200k_base, cl100k_base or a tiktoken vocabulary file");
        Check(DatasetPath is null || File.Exists(DatasetPath), "datasetPath", DatasetPath, "an existing ShareGPT-format JSON file");
        Check(TimeoutSeconds is null || InRange(TimeoutSeconds.Value), "timeoutSeconds", TimeoutSeconds, "a duration above 0 s and at most 1e6 s");
        Check(StallTimeoutSeconds is null || InRange(StallTimeoutSeconds.Value), "stallTimeoutSeconds", StallTimeoutSeconds, "a duration above 0 s and at most 1e6 s");
        Check(MaxResponseBytes is >= 1024 and <= 1 << 30, "maxResponseBytes", MaxResponseBytes, "1024..1073741824 bytes");
        Check(MaxSeconds is null || InRange(MaxSeconds.Value), "maxSeconds", MaxSeconds, "a duration above 0 s and at most 1e6 s");
        Check(DeploymentUsdPerHour is null || (DeploymentUsdPerHour > 0 && DeploymentUsdPerHour <= 1e9), "deploymentUsdPerHour", DeploymentUsdPerHour, "a price above $0 and at most $1e9 per hour");
        if (OutputDirectory is { } dir)
        {
            Check(OutputFolderProblem(dir, Overwrite) is null, "outputDirectory", dir, OutputFolderProblem(dir, Overwrite) ?? "");
        }

        return errors;
    }

    /// <summary>Gets why <paramref name="dir"/> cannot take a run's files, or null when it can.</summary>
    private static string? OutputFolderProblem(string dir, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(dir))
        {
            return "a folder path";
        }

        if (File.Exists(dir))
        {
            return "a folder, not an existing file";
        }

        for (string? parent = Path.GetDirectoryName(Path.GetFullPath(dir)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"a folder path; '{parent}' is a file";
            }
        }

        return !overwrite && Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()
            ? "an empty or new folder: it holds earlier results (pass overwrite to replace them, or pick a new folder)"
            : null;
    }

    private static bool InRange(double seconds) => seconds > 0 && seconds <= MaxDurationSeconds;

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    /// <summary>Shows a value in an error: invariant numbers, control characters escaped so the error stays one line.</summary>
    private static string Text(object? value)
    {
        string text = value switch
        {
            null => "(none)",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return string.Concat(text.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));
    }
}
