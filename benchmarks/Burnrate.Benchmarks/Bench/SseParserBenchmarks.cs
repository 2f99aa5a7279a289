using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text;
using BenchmarkDotNet.Attributes;
using Burnrate.Bench.Client;

namespace Burnrate.Benchmarks.Bench;

/// <summary>
/// Burnrate's hand-written SSE parser against .NET's <see cref="System.Net.ServerSentEvents.SseParser"/> on the stream a
/// streaming chat completion sends (500 chunk events and <c>[DONE]</c>), read from a stream that returns one event per read
/// (tokens arriving one by one, as on a live connection) or 4 KiB per read (a backlog). Both take a timestamp per event
/// and sum the payload lengths, which is what bench needs: the arrival time of every chunk.
/// </summary>
[MemoryDiagnoser]
public class SseParserBenchmarks
{
    private const int Events = 500;

    private byte[] _stream = [];
    private int[] _readSizes = [];
    private readonly long[] _timestamps = new long[Events + 1];
    private readonly byte[] _buffer = new byte[16 * 1024];

    /// <summary>Gets or sets how the stream is cut into reads: 0 = one event per read, otherwise bytes per read.</summary>
    [Params(0, 4096)]
    public int ReadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        var sizes = new List<int>();
        for (int i = 0; i < Events; i++)
        {
            int before = text.Length;
            text.Append("data: {\"id\":\"chatcmpl-7f3a9c1e\",\"object\":\"chat.completion.chunk\",\"created\":1764633600,")
                .Append("\"model\":\"llama-3.1-70b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token")
                .Append(i).Append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
            sizes.Add(text.Length - before);
        }

        int last = text.Length;
        text.Append("data: [DONE]\n\n");
        sizes.Add(text.Length - last);
        _stream = Encoding.UTF8.GetBytes(text.ToString()); // ASCII: characters are bytes
        _readSizes = ReadSize == 0 ? [.. sizes] : [.. Enumerable.Repeat(ReadSize, (_stream.Length / ReadSize) + 1)];
    }

    [Benchmark(Baseline = true, Description = "Burnrate SseParser")]
    public long Burnrate()
    {
        var handler = new TimestampingHandler(_timestamps);
        using var parser = new Burnrate.Bench.Client.SseParser();
        Stream stream = new ChunkedStream(_stream, _readSizes);
        int read;
        while ((read = stream.Read(_buffer)) > 0)
        {
            parser.Feed(_buffer.AsSpan(0, read), handler);
        }

        parser.Complete(handler);
        return handler.Bytes + handler.Count;
    }

    [Benchmark(Description = "System.Net.ServerSentEvents")]
    public long Bcl()
    {
        long bytes = 0;
        int count = 0;
        long[] timestamps = _timestamps;
        Stream stream = new ChunkedStream(_stream, _readSizes);
        SseParser<int> parser = System.Net.ServerSentEvents.SseParser.Create(stream, (_, data) =>
        {
            timestamps[count++] = Stopwatch.GetTimestamp();
            return data.Length;
        });
        foreach (SseItem<int> item in parser.Enumerate())
        {
            bytes += item.Data;
        }

        return bytes + count;
    }

    private sealed class TimestampingHandler(long[] timestamps) : ISseEventSink
    {
        public long Bytes { get; private set; }

        public int Count { get; private set; }

        public bool OnEvent(ReadOnlySpan<byte> data)
        {
            timestamps[Count++] = Stopwatch.GetTimestamp();
            Bytes += data.Length;
            return true;
        }
    }

    /// <summary>A read-only stream over a byte array that returns at most the next scheduled size per read.</summary>
    private sealed class ChunkedStream(byte[] data, int[] sizes) : Stream
    {
        private int _position;
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= data.Length)
            {
                return 0;
            }

            int size = Math.Min(Math.Min(sizes[Math.Min(_read, sizes.Length - 1)], buffer.Length), data.Length - _position);
            data.AsSpan(_position, size).CopyTo(buffer);
            _position += size;
            _read++;
            return size;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
