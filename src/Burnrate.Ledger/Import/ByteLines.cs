namespace Burnrate.Ledger.Import;

/// <summary>
/// Reads a stream as UTF-8 lines without decoding them to strings: each line is handed out as bytes (valid until the
/// next line) with its 1-based number. Handles \n and \r\n endings and a UTF-8 byte-order mark.
/// </summary>
internal sealed class ByteLines
{
    /// <summary>The longest line read, in bytes (64 MiB): a device such as /dev/zero or a file with no line breaks fails here
    /// instead of filling memory.</summary>
    public const int MaxLineBytes = 64 << 20;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Initializes a new instance of the <see cref="ByteLines"/> class.</summary>
    public ByteLines(Stream stream) => _stream = stream;

    /// <summary>Gets the current line's number.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Gets the bytes read so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line.</summary>
    /// <param name="line">The line's bytes without its ending.</param>
    /// <returns>False at the end of the stream.</returns>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0 || (_eof && _end > _start))
            {
                int stop = newline >= 0 ? newline : _end;
                int length = stop - _start;
                if (length > 0 && _buffer[stop - 1] == '\r')
                {
                    length--;
                }

                line = _buffer.AsSpan(_start, length);
                if (LineNumber == 0 && line.StartsWith("\uFEFF"u8))
                {
                    line = line[3..];
                }

                _start = newline >= 0 ? newline + 1 : _end;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        int kept = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
        }
        else if (kept == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw LedgerErrors.In(string.Empty, $"a line longer than {MaxLineBytes >> 20} MiB (is this a log file?)", LineNumber + 1);
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _start = 0;
        _end = kept;
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        BytesRead += read;
        _end += read;
        _eof = read == 0;
    }
}
