namespace Burnrate.Ledger.Store;

/// <summary>
/// A read-only view of a response body that fails once more than a set number of bytes has been read, so a runaway answer
/// ends in a clear error instead of filling memory.
/// </summary>
internal sealed class CappedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Func<IOException> _tooLarge;
    private long _read;

    /// <summary>Initializes a new instance of the <see cref="CappedReadStream"/> class.</summary>
    /// <param name="inner">The body (disposed with this stream).</param>
    /// <param name="limit">The most bytes that may be read.</param>
    /// <param name="tooLarge">Builds the error thrown past the limit.</param>
    public CappedReadStream(Stream inner, long limit, Func<IOException> tooLarge)
    {
        _inner = inner;
        _limit = limit;
        _tooLarge = tooLarge;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the limit at most: reading it proves the body is too large without reading further.
        long room = _limit + 1 - _read;
        int n = _inner.Read(buffer[..(int)Math.Min(buffer.Length, room)]);
        _read += n;
        return _read > _limit ? throw _tooLarge() : n;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
