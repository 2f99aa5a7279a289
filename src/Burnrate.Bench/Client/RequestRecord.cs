namespace Burnrate.Bench.Client;

/// <summary>
/// One request's raw measurements (docs/metrics.md "Serving measurements"): timestamps in <see cref="BenchClock"/> ticks
/// (0 = did not happen), token counts from the server and the tokenizer, and the error kind when it failed.
/// </summary>
internal sealed class RequestRecord
{
    private long[] _chunkAt;

    public RequestRecord(int id, string level, int expectedChunks)
    {
        Id = id;
        Level = level;
        _chunkAt = new long[Math.Max(4, expectedChunks + 2)];
    }

    public int Id { get; }

    public string Level { get; }

    public bool Warmup { get; init; }

    public long ScheduledAt { get; set; }

    public long SentAt { get; set; }

    /// <summary>Gets or sets whether <see cref="SentAt"/> is the first byte written to the socket (else: when handed to HttpClient).</summary>
    public bool SentAtFromSocket { get; set; }

    public long FirstTokenAt { get; set; }

    public long LastTokenAt { get; set; }

    public long DoneAt { get; set; }

    public int Chunks { get; private set; }

    public ReadOnlySpan<long> ChunkAt => _chunkAt.AsSpan(0, Chunks);

    public int PromptTokensClient { get; set; }

    public int RequestedOutputTokens { get; set; }

    public int? PromptTokensServer { get; set; }

    public int? OutputTokensServer { get; set; }

    public int? OutputTokensTokenizer { get; set; }

    /// <summary>Gets or sets the error kind ("http_500", "reset", "timeout", "malformed", "stalled", "truncated", "cancelled", "connect", "server_error"); null when completed.</summary>
    public string? ErrorKind { get; set; }

    public string? ErrorMessage { get; set; }

    public bool Completed => ErrorKind is null && DoneAt != 0;

    /// <summary>Gets the output tokens: the server's usage count when given, else the tokenizer's.</summary>
    public int? OutputTokens => OutputTokensServer ?? OutputTokensTokenizer;

    public void AddChunk(long at)
    {
        if (Chunks == _chunkAt.Length)
        {
            Array.Resize(ref _chunkAt, _chunkAt.Length * 2);
        }

        _chunkAt[Chunks++] = at;
        if (FirstTokenAt == 0)
        {
            FirstTokenAt = at;
        }

        LastTokenAt = at;
    }

    public void Fail(string kind, string? message, long at)
    {
        ErrorKind ??= kind;
        ErrorMessage ??= message;
        if (DoneAt == 0)
        {
            DoneAt = at;
        }
    }
}
