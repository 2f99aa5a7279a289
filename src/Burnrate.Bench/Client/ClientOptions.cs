namespace Burnrate.Bench.Client;

/// <summary>Settings of <see cref="OpenAiClient"/>.</summary>
internal sealed record ClientOptions
{
    /// <summary>Gets the base URL including the version path, e.g. http://127.0.0.1:8000/v1.</summary>
    public required Uri BaseUrl { get; init; }

    public ApiKind Api { get; init; } = ApiKind.Chat;

    public required string Model { get; init; }

    public bool Stream { get; init; } = true;

    /// <summary>Gets whether to ask for a final usage chunk (stream_options.include_usage).</summary>
    public bool IncludeUsage { get; init; } = true;

    /// <summary>Gets whether to force the requested output length (ignore_eos and min_tokens = max_tokens; vLLM/SGLang extensions).</summary>
    public bool IgnoreEos { get; init; } = true;

    public string? ApiKey { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public double RequestTimeoutSeconds { get; init; } = 600;

    /// <summary>Gets the longest silence allowed on an open stream before it counts as stalled.</summary>
    public double StallTimeoutSeconds { get; init; } = 30;

    public int MaxConnections { get; init; } = 256;

    /// <summary>Gets the most response bytes read per request; beyond it the request fails as <c>too_large</c>.</summary>
    public int MaxResponseBytes { get; init; } = BenchRequest.DefaultMaxResponseBytes;
}
