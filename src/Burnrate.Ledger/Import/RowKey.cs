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
        _length += Plain(d, _chars.AsSpan(_length));
        _chars[_length++] = '\u001f';
    }

    /// <summary>
    /// Writes a decimal as <c>d.ToString("0.##########", InvariantCulture)</c> does, about 5× faster: for a non-zero value
    /// with at most 10 decimals that is its exact digits ("G") without trailing fraction zeros; anything else takes the
    /// custom format itself.
    /// </summary>
    /// <returns>The characters written (at most 64 for a decimal).</returns>
    internal static int Plain(decimal d, Span<char> destination)
    {
        int written;
        if (d == 0 || d.Scale > 10)
        {
            d.TryFormat(destination, out written, "0.##########", CultureInfo.InvariantCulture);
            return written;
        }

        d.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        if (d.Scale > 0)
        {
            while (destination[written - 1] == '0')
            {
                written--;
            }

            if (destination[written - 1] == '.')
            {
                written--;
            }
        }

        return written;
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
