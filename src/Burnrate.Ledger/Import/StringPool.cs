namespace Burnrate.Ledger.Import;

/// <summary>
/// Hands out one string per distinct text of a column (model, provider, customer, currency…), so a file of a million
/// rows allocates a few thousand strings for a repeated column instead of a million; looked up by the characters, without
/// allocating. A column with more distinct values than the pool holds (a request id) just gets fresh strings past it.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;

    /// <summary>Initializes a new instance of the <see cref="StringPool"/> class.</summary>
    /// <param name="capacity">The most distinct strings kept.</param>
    public StringPool(int capacity = 4_096)
    {
        _capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the string for some characters (the pooled one when the pool has it).</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return string.Empty;
        }

        if (_lookup.TryGetValue(chars, out string? pooled))
        {
            return pooled;
        }

        string text = chars.ToString();
        if (_strings.Count < _capacity)
        {
            _strings.Add(text);
        }

        return text;
    }

    /// <summary>Gets one pool per column.</summary>
    public static StringPool[] For(int columns)
    {
        var pools = new StringPool[columns];
        for (int i = 0; i < columns; i++)
        {
            pools[i] = new StringPool();
        }

        return pools;
    }
}
