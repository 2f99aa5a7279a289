using System.Buffers;
using System.Text.Json;
using Burnrate.Bench.Client;

namespace Burnrate.Bench.Results;

/// <summary>
/// Appends one JSON line per finished request and flushes it to the OS at once, so a crash, kill or Ctrl-C loses
/// nothing already measured. Times are seconds since the log's epoch (the run's start) on the monotonic clock.
/// </summary>
internal sealed class RequestLog : IDisposable
{
    private readonly FileStream _file;
    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly long _epoch;

    public RequestLog(string path, long epoch)
    {
        Path = path;
        _epoch = epoch;
        // A new run starts a new log; within the run every record is appended and flushed as it finishes.
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
    }

    public string Path { get; }

    public int Written { get; private set; }

    public void Append(RequestRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                Write(json, r);
            }

            _buffer.Write("\n"u8);
            _file.Write(_buffer.WrittenSpan);
            _file.Flush();
            Written++;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }

    /// <summary>Reads a JSONL file, skipping a last line cut short by a crash.</summary>
    public static IReadOnlyList<JsonElement> Read(string path)
    {
        var lines = new List<JsonElement>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                lines.Add(doc.RootElement.Clone());
            }
            catch (JsonException)
            {
                // A line cut by a kill mid-write; everything before it is intact.
            }
        }

        return lines;
    }

    private void Write(Utf8JsonWriter json, RequestRecord r)
    {
        json.WriteStartObject();
        json.WriteNumber("id", r.Id);
        json.WriteString("level", r.Level);
        if (r.Warmup)
        {
            json.WriteBoolean("warmup", true);
        }

        json.WriteBoolean("completed", r.Completed);
        if (r.ErrorKind is { } kind)
        {
            json.WriteString("errorKind", kind);
            json.WriteString("errorMessage", r.ErrorMessage ?? "");
        }

        Time(json, "scheduledAtSeconds", r.ScheduledAt);
        Time(json, "sentAtSeconds", r.SentAt);
        json.WriteString("sentAtSource", r.SentAtFromSocket ? "socket" : "client");
        Time(json, "firstTokenAtSeconds", r.FirstTokenAt);
        Time(json, "lastTokenAtSeconds", r.LastTokenAt);
        Time(json, "doneAtSeconds", r.DoneAt);
        if (r.FirstTokenAt != 0 && r.SentAt != 0)
        {
            json.WriteNumber("ttftSeconds", BenchClock.Seconds(r.FirstTokenAt - r.SentAt));
        }

        if (r.DoneAt != 0 && r.SentAt != 0)
        {
            json.WriteNumber("e2eSeconds", BenchClock.Seconds(r.DoneAt - r.SentAt));
        }

        json.WriteNumber("promptTokensClient", r.PromptTokensClient);
        Optional(json, "promptTokensServer", r.PromptTokensServer);
        json.WriteNumber("requestedOutputTokens", r.RequestedOutputTokens);
        Optional(json, "outputTokensServer", r.OutputTokensServer);
        Optional(json, "outputTokensTokenizer", r.OutputTokensTokenizer);
        json.WriteStartArray("chunkAtSeconds");
        foreach (long at in r.ChunkAt)
        {
            json.WriteNumberValue(Math.Round(BenchClock.Seconds(at - _epoch), 7));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void Time(Utf8JsonWriter json, string name, long ticks)
    {
        if (ticks != 0)
        {
            json.WriteNumber(name, Math.Round(BenchClock.Seconds(ticks - _epoch), 7));
        }
    }

    private static void Optional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
