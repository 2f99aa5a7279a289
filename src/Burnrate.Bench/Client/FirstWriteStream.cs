using System.Net.Sockets;

namespace Burnrate.Bench.Client;

/// <summary>
/// Wraps each connection's stream so a request's sentAt is the moment its first byte is written to the socket
/// (docs/metrics.md), not when it was handed to HttpClient: the request being sent is found through an
/// <see cref="AsyncLocal{T}"/> set by <see cref="OpenAiClient"/>, since HTTP/1.1 writes a request in its own async flow.
/// </summary>
internal sealed class FirstWriteStream(Stream inner) : Stream
{
    private static readonly AsyncLocal<SendMark?> Current = new();

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Marks <paramref name="record"/> as the request the current async flow is sending.</summary>
    public static void Begin(RequestRecord record) => Current.Value = new SendMark(record);

    /// <summary>Opens a TCP connection (no Nagle delay) wrapped in a <see cref="FirstWriteStream"/>.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new FirstWriteStream(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Mark();
        inner.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Mark();
        return inner.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Mark();
        return inner.WriteAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Mark()
    {
        if (Current.Value is { Marked: false } mark)
        {
            mark.Marked = true;
            mark.Record.SentAt = BenchClock.Now;
            mark.Record.SentAtFromSocket = true;
        }
    }

    private sealed class SendMark(RequestRecord record)
    {
        public RequestRecord Record { get; } = record;

        public bool Marked { get; set; }
    }
}
