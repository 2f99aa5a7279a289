using System.Buffers;

namespace Burnrate.Bench.Client;

/// <summary>
/// Incremental parser of a text/event-stream (WHATWG HTML "Server-sent events" §9.2.6): lines end in LF, CRLF or CR;
/// "data:" lines accumulate, a blank line dispatches the event; comments (":") and other fields are ignored.
/// Lines and events split across buffers are carried in pooled buffers, so parsing allocates nothing per event.
/// bench reads every streamed response with it; <see cref="ISseEventSink"/> receives each event's data as it completes.
/// </summary>
public sealed class SseParser : IDisposable
{
    private static ReadOnlySpan<byte> DataField => "data"u8;

    private readonly PooledByteBuffer _line = new(512);
    private readonly PooledByteBuffer _event = new(1024);
    private bool _hasData;
    private bool _lastWasCr;

    /// <summary>Parses all of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The bytes read.</param>
    /// <param name="handler">Receives each complete event.</param>
    /// <returns>False when the handler asked to stop.</returns>
    public bool Feed(in ReadOnlySequence<byte> buffer, ISseEventSink handler)
    {
        foreach (ReadOnlyMemory<byte> segment in buffer)
        {
            if (!Feed(segment.Span, handler))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses <paramref name="span"/>.</summary>
    /// <param name="span">The bytes read.</param>
    /// <param name="handler">Receives each complete event.</param>
    /// <returns>False when the handler asked to stop.</returns>
    public bool Feed(ReadOnlySpan<byte> span, ISseEventSink handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        while (!span.IsEmpty)
        {
            if (_lastWasCr && span[0] == (byte)'\n')
            {
                span = span[1..];
                _lastWasCr = false;
                continue;
            }

            _lastWasCr = false;
            int end = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                _line.Write(span);
                return true;
            }

            _lastWasCr = span[end] == (byte)'\r';
            bool keepGoing;
            if (_line.Length == 0)
            {
                keepGoing = Line(span[..end], handler);
            }
            else
            {
                _line.Write(span[..end]);
                keepGoing = Line(_line.WrittenSpan, handler);
                _line.Clear();
            }

            span = span[(end + 1)..];
            if (!keepGoing)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Ends the stream: an event still pending without its blank line is dispatched (lenient, as many clients are).</summary>
    /// <param name="handler">Receives the pending event.</param>
    /// <returns>False when the handler asked to stop.</returns>
    public bool Complete(ISseEventSink handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        bool keepGoing = true;
        if (_line.Length > 0)
        {
            keepGoing = Line(_line.WrittenSpan, handler);
            _line.Clear();
        }

        return keepGoing && Dispatch(handler);
    }

    /// <summary>Returns the pooled line and event buffers.</summary>
    public void Dispose()
    {
        _line.Dispose();
        _event.Dispose();
    }

    private bool Line(ReadOnlySpan<byte> line, ISseEventSink handler)
    {
        if (line.IsEmpty)
        {
            return Dispatch(handler);
        }

        if (line[0] == (byte)':')
        {
            return true;
        }

        int colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> field = colon < 0 ? line : line[..colon];
        if (!field.SequenceEqual(DataField))
        {
            return true;
        }

        ReadOnlySpan<byte> value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        if (_hasData)
        {
            _event.Write("\n"u8);
        }

        _event.Write(value);
        _hasData = true;
        return true;
    }

    private bool Dispatch(ISseEventSink handler)
    {
        if (!_hasData)
        {
            return true;
        }

        _hasData = false;
        bool keepGoing = handler.OnEvent(_event.WrittenSpan);
        _event.Clear();
        return keepGoing;
    }
}
