using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Burnrate.Bench.Workloads;
using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Client;

/// <summary>
/// Sends OpenAI-compatible requests and times them per docs/metrics.md. Streams are read with System.IO.Pipelines and parsed
/// by <see cref="SseParser"/>/<see cref="ChunkReader"/> without per-token allocations; the connection pool allows as
/// many connections as the highest concurrency. Faults become the record's error kind, never exceptions.
/// </summary>
internal sealed partial class OpenAiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ClientOptions _options;
    private readonly Uri _endpoint;
    private readonly Tokenizer _tokenizer;

    public OpenAiClient(ClientOptions options, Tokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _tokenizer = tokenizer ?? BenchTokenizer.O200k;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, options.MaxConnections),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(30, options.RequestTimeoutSeconds)),
            ConnectCallback = FirstWriteStream.ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        string path = options.Api == ApiKind.Chat ? "chat/completions" : "completions";
        string baseText = options.BaseUrl.ToString();
        _endpoint = new Uri(baseText.EndsWith('/') ? baseText + path : baseText + "/" + path);
    }

    public Uri Endpoint => _endpoint;

    public void Dispose() => _http.Dispose();

    /// <summary>Sends one request and fills <paramref name="record"/>; returns when the response ended or failed.</summary>
    public async Task SendAsync(WorkItem work, RequestRecord record, CancellationToken runToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(record);
        record.PromptTokensClient = work.PromptTokens;
        record.RequestedOutputTokens = work.OutputTokens;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = Body(work) };
        request.Version = HttpVersion.Version11;
        if (_options.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (KeyValuePair<string, string> header in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var text = new PooledByteBuffer(Math.Max(256, work.OutputTokens * 8));
        try
        {
            // Provisional: replaced by the time the first byte reaches the socket (FirstWriteStream).
            record.SentAt = BenchClock.Now;
            FirstWriteStream.Begin(record);
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string body = await ReadSomeAsync(response, timeout.Token).ConfigureAwait(false);
                record.Fail("http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), body, BenchClock.Now);
                return;
            }

            if (_options.Stream)
            {
                await ReadStreamAsync(response, record, text, stall, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                using var body = new PooledByteBuffer(4096);
                if (!await ReadBoundedAsync(response, body, timeout.Token).ConfigureAwait(false))
                {
                    record.Fail("too_large", $"the response passed {_options.MaxResponseBytes} bytes (--max-response-bytes)", BenchClock.Now);
                    return;
                }

                long at = BenchClock.Now;
                ReadOnlySpan<byte> bytes = body.WrittenSpan;
                ChunkInfo info = ChunkReader.Read(bytes, text);
                if (info.IsError)
                {
                    record.Fail("server_error", Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 300)]), at);
                    return;
                }

                if (info.NegativeUsage)
                {
                    record.Fail("malformed", "the server's usage has a negative token count", at);
                    return;
                }

                if (info.HasContent)
                {
                    record.AddChunk(at);
                }

                record.OutputTokensServer = info.CompletionTokens;
                record.PromptTokensServer = info.PromptTokens;
                record.DoneAt = at;
            }
        }
        catch (Exception e) when (Classify(e, runToken, timeout.Token, stall.Token) is { } kind)
        {
            record.Fail(kind, e.Message, BenchClock.Now);
        }

        if (record.ErrorKind is null)
        {
            record.OutputTokensTokenizer = TokenCounter.Count(_tokenizer, text.WrittenSpan, timeout.Token);
        }
    }

    private async Task ReadStreamAsync(HttpResponseMessage response, RequestRecord record, PooledByteBuffer text, CancellationTokenSource stall, CancellationToken timeout)
    {
        Stream stream = await response.Content.ReadAsStreamAsync(timeout).ConfigureAwait(false);
        PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: false));
        using var parser = new SseParser();
        var handler = new StreamHandler(record, text);
        TimeSpan stallAfter = TimeSpan.FromSeconds(_options.StallTimeoutSeconds);
        long received = 0;
        try
        {
            while (true)
            {
                stall.CancelAfter(stallAfter);
                ReadResult read = await reader.ReadAsync(stall.Token).ConfigureAwait(false);
                handler.Now = BenchClock.Now;
                ReadOnlySequence<byte> buffer = read.Buffer;
                received += buffer.Length;
                if (received > _options.MaxResponseBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    record.Fail("too_large", $"the stream passed {_options.MaxResponseBytes} bytes (--max-response-bytes)", handler.Now);
                    break;
                }

                bool keepGoing = parser.Feed(buffer, handler);
                reader.AdvanceTo(buffer.End);
                if (keepGoing && read.IsCompleted)
                {
                    keepGoing = parser.Complete(handler);
                }

                if (!keepGoing)
                {
                    break;
                }

                if (read.IsCompleted)
                {
                    record.Fail("truncated", "the stream ended without [DONE]", handler.Now);
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        if (handler.Done && record.ErrorKind is null)
        {
            record.DoneAt = handler.Now;
        }
    }

    private static string? Classify(Exception e, CancellationToken run, CancellationToken timeout, CancellationToken stall)
    {
        return e switch
        {
            OperationCanceledException when run.IsCancellationRequested => "cancelled",
            OperationCanceledException when timeout.IsCancellationRequested => "timeout",
            OperationCanceledException when stall.IsCancellationRequested => "stalled",
            JsonException => "malformed",
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connect",
            HttpRequestException or IOException => "reset",
            OperationCanceledException => "timeout",
            _ => null,
        };
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            byte[] buffer = new byte[1200];
            int length = 0, n;
            while (length < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += n;
            }

            string body = Encoding.UTF8.GetString(buffer, 0, length);
            return body.Length > 300 ? body[..300] : body;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            return response.ReasonPhrase ?? "";
        }
    }

    /// <summary>Reads the whole body into <paramref name="body"/>; false when it passes <see cref="ClientOptions.MaxResponseBytes"/>.</summary>
    private async Task<bool> ReadBoundedAsync(HttpResponseMessage response, PooledByteBuffer body, CancellationToken cancellationToken)
    {
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            Memory<byte> target = body.GetMemory(16 * 1024);
            int n = await stream.ReadAsync(target, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return true;
            }

            body.Advance(n);
            if (body.Length > _options.MaxResponseBytes)
            {
                return false;
            }
        }
    }

    private ByteArrayContent Body(WorkItem work)
    {
        var buffer = new ArrayBufferWriter<byte>(work.Prompt.Length + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", _options.Model);
            if (_options.Api == ApiKind.Chat)
            {
                json.WriteStartArray("messages");
                json.WriteStartObject();
                json.WriteString("role", "user");
                json.WriteString("content", work.Prompt);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("prompt", work.Prompt);
            }

            json.WriteNumber("max_tokens", work.OutputTokens);
            if (_options.IgnoreEos)
            {
                json.WriteBoolean("ignore_eos", true);
                json.WriteNumber("min_tokens", work.OutputTokens);
            }

            json.WriteBoolean("stream", _options.Stream);
            if (_options.Stream && _options.IncludeUsage)
            {
                json.WriteStartObject("stream_options");
                json.WriteBoolean("include_usage", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class StreamHandler(RequestRecord record, PooledByteBuffer text) : ISseEventSink
    {
        public long Now { get; set; }

        public bool Done { get; private set; }

        public bool OnEvent(ReadOnlySpan<byte> data)
        {
            if (data.SequenceEqual("[DONE]"u8))
            {
                Done = true;
                return false;
            }

            ChunkInfo info = ChunkReader.Read(data, text);
            if (info.IsError)
            {
                record.Fail("server_error", Encoding.UTF8.GetString(data[..Math.Min(data.Length, 300)]), Now);
                return false;
            }

            if (info.NegativeUsage)
            {
                record.Fail("malformed", "the server's usage has a negative token count", Now);
                return false;
            }

            if (info.HasContent)
            {
                record.AddChunk(Now);
            }

            record.OutputTokensServer = info.CompletionTokens ?? record.OutputTokensServer;
            record.PromptTokensServer = info.PromptTokens ?? record.PromptTokensServer;
            return true;
        }
    }
}
