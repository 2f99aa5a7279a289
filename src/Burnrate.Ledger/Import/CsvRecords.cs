using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace Burnrate.Ledger.Import;

/// <summary>Streams a CSV file with a header row (Sep): each record's fields by column name, with its line number and a content hash.</summary>
internal static class CsvRecords
{
    /// <summary>Maps each record of a CSV stream; a record with the wrong number of fields is rejected by line.</summary>
    /// <param name="stream">The CSV.</param>
    /// <param name="source">The importer name (seeds the content hash).</param>
    /// <param name="columns">The column names the mapper reads, in order; missing columns read as null.</param>
    /// <param name="map">Builds an item from (line, field texts by <paramref name="columns"/> index, the content id when the record has no id of its own).</param>
    /// <param name="required">Columns that must be in the header.</param>
    /// <param name="bytesRead">Progress callback.</param>
    /// <param name="spans">When given, the mapper reads the <see cref="Spans.Raw"/> columns' characters through it (their texts are null).</param>
    public static IEnumerable<ImportItem<TRow>> Read<TRow>(
        Stream stream, string source, IReadOnlyList<string> columns, Func<long, string?[], Func<Guid>, ImportItem<TRow>> map,
        IReadOnlyList<string> required, Action<long>? bytesRead = null, Spans? spans = null)
    {
        using SepReader reader = Rows(() => Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).From(stream, leaveOpen: true), 1);
        int[] index = new int[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            index[i] = reader.Header.TryIndexOf(columns[i], out int j) ? j : -1;
        }

        string[] missing = [.. required.Where(r => !reader.Header.TryIndexOf(r, out _))];
        if (missing.Length > 0)
        {
            throw LedgerErrors.In(string.Empty,
                $"the header lacks column(s) {string.Join(", ", missing)}; it has {string.Join(", ", reader.Header.ColNames.Take(20))}", line: 1);
        }

        int width = reader.Header.ColNames.Count;
        long seed = RowIds.Seed(source);
        var fields = new string?[columns.Count];
        StringPool[] pools = StringPool.For(columns.Count);
        var occurrences = new ContentOccurrences();

        // The content id is hashed only when the mapper asks (a record without an id of its own), from the current record.
        Func<Guid> contentId = () => occurrences.Next(RowIds.FromContent(seed, MemoryMarshal.AsBytes(reader.Current.Span)));
        bool[] raw = new bool[columns.Count];
        if (spans is not null)
        {
            spans.Bind(reader, index);
            foreach (int column in spans.Raw)
            {
                raw[column] = true;
            }
        }

        long lastLine = 1;
        while (Rows(reader.MoveNext, lastLine + 1))
        {
            SepReader.Row row = reader.Current;
            lastLine = row.LineNumberFrom;
            ImportItem<TRow> item = Map(row, width, index, raw, fields, pools, contentId, map);
            bytesRead?.Invoke(stream.CanSeek ? stream.Position : 0);
            yield return item;
        }
    }

    // Sep refuses a row longer than its 16 MiB buffer (an unterminated quote, a device such as /dev/zero) with a
    // NotSupportedException; that is bad input at the row after the last one read.
    internal static T Rows<T>(Func<T> read, long line)
    {
        try
        {
            return read();
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            throw LedgerErrors.In(string.Empty, "a row longer than 16 MiB (an unterminated quote, or not a CSV file)", line);
        }
    }

    private static ImportItem<TRow> Map<TRow>(SepReader.Row row, int width, int[] index, bool[] raw, string?[] fields, StringPool[] pools, Func<Guid> contentId, Func<long, string?[], Func<Guid>, ImportItem<TRow>> map)
    {
        long line = row.LineNumberFrom;
        if (row.ColCount != width)
        {
            return ImportItem<TRow>.Bad(line, $"{row.ColCount} fields where the header has {width}");
        }

        for (int i = 0; i < index.Length; i++)
        {
            fields[i] = index[i] < 0 || raw[i] ? null : pools[i].Get(row[index[i]].Span);
        }

        return map(line, fields, contentId);
    }

    /// <summary>The characters of the current record's columns that a mapper parses itself, without a string per value.</summary>
    /// <param name="raw">The indexes (in the mapper's column list) of those columns.</param>
    internal sealed class Spans(params int[] raw)
    {
        private SepReader? _reader;
        private int[] _index = [];

        /// <summary>Gets the indexes of the columns read as characters.</summary>
        public IReadOnlyList<int> Raw { get; } = raw;

        /// <summary>Gets whether the header has the column.</summary>
        public bool Has(int column) => _index[column] >= 0;

        /// <summary>Gets the column's characters in the current record (empty when the header lacks it); valid during the mapper's call.</summary>
        public ReadOnlySpan<char> this[int column] => _index[column] < 0 || _reader is null ? default : _reader.Current[_index[column]].Span;

        /// <summary>Gets the column's text, as the mapper would have had it (null when the header lacks it).</summary>
        public string? Text(int column) => Has(column) ? this[column].ToString() : null;

        internal void Bind(SepReader reader, int[] index) => (_reader, _index) = (reader, index);
    }
}
