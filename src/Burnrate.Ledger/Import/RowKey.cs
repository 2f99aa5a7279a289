using System.Globalization;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Builds a row's key text (each value, or U+0000 for none, followed by U+001F) in one reused buffer and hashes it to
/// the row id, without a string per value or per row: the same characters, so the same ids, as joining the values'
/// text (decimals as "0.##########", instants as "O").
/// </summary>
internal sealed class RowKey
{
    private char[] _chars = new char[1_024];
    private int _length;

    /// <summary>Starts a new key.</summary>
    public void Clear() => _length = 0;

    /// <summary>Adds a text value (null: none).</summary>
    public void Add(string? value)
    {
        ReadOnlySpan<char> text = value is null ? "\u0000" : value.AsSpan();
        Reserve(text.Length + 1);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
        _chars[_length++] = '\u001f';
    }

    /// <summary>Adds a decimal value (null: none).</summary>
    public void Add(decimal? value)
    {
        if (value is not { } d)
        {
            Add((string?)null);
            return;
        }

        Reserve(64);
        d.TryFormat(_chars.AsSpan(_length), out int written, "0.##########", CultureInfo.InvariantCulture);
        _length += written;
        _chars[_length++] = '\u001f';
    }

    /// <summary>Adds an instant, round-trip formatted.</summary>
    public void Add(DateTime value)
    {
        Reserve(64);
        value.TryFormat(_chars.AsSpan(_length), out int written, "O", CultureInfo.InvariantCulture);
        _length += written;
        _chars[_length++] = '\u001f';
    }

    /// <summary>Gets the row id of the key for a source (see <see cref="RowIds.FromKey(string, ReadOnlySpan{char})"/>).</summary>
    public Guid Id(string source) => RowIds.FromKey(source, _chars.AsSpan(0, _length));

    private void Reserve(int more)
    {
        if (_length + more > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
        }
    }
}
