using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using nietras.SeparatedValues;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Reads a table with a header, record by record, as text fields: CSV (Sep, streaming) or Parquet (DuckDB's
/// <c>read_parquet</c> on an in-memory connection, every column cast to text). A record's "line" is its CSV line, or its
/// 1-based row number in a Parquet file.
/// </summary>
internal abstract class TabularReader : IDisposable
{
    /// <summary>Gets the header's column names, in file order.</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>Gets the current record's line (CSV) or row number (Parquet).</summary>
    public long Line { get; protected set; }

    /// <summary>Gets why the current record cannot be read (wrong number of fields), or null.</summary>
    public string? RecordError { get; protected set; }

    /// <summary>Gets the bytes read so far (CSV; 0 for Parquet).</summary>
    public abstract long BytesRead { get; }

    /// <summary>Opens a file: Parquet when its name ends with .parquet, else CSV.</summary>
    public static TabularReader Open(string path, Stream stream) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? new ParquetTable(path) : new CsvTable(stream);

    /// <summary>Moves to the next record.</summary>
    public abstract bool Next();

    /// <summary>Gets the current record's field at a header index (null when empty in Parquet).</summary>
    public abstract string? Field(int index);

    /// <summary>Gets the characters of the current record's field at a header index, without making a string (empty when
    /// the field is missing or null); valid until <see cref="Next"/>.</summary>
    public abstract ReadOnlySpan<char> Span(int index);

    /// <inheritdoc/>
    public abstract void Dispose();

    /// <summary>Gets the header index of the first of <paramref name="names"/> the header has (compared without case, '_' or spaces), or -1.</summary>
    public int IndexOf(params string[] names)
    {
        foreach (string name in names)
        {
            string wanted = Normalize(name);
            for (int i = 0; i < Header.Count; i++)
            {
                if (Normalize(Header[i]) == wanted)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Gets a header name folded for matching: lower case, without '_', '-' or spaces.</summary>
    public static string Normalize(string name) =>
        new([.. name.Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant)]);

    private sealed class CsvTable : TabularReader
    {
        private readonly Stream _stream;
        private readonly SepReader _reader;
        private readonly string[] _header;
        private readonly StringPool[] _pools;
        private int _columns;

        public CsvTable(Stream stream)
        {
            _stream = stream;
            _reader = CsvRecords.Rows(() => Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).From(stream, leaveOpen: true), 1);
            _header = [.. _reader.Header.ColNames];
            _pools = StringPool.For(_header.Length);
        }

        public override IReadOnlyList<string> Header => _header;

        public override long BytesRead => _stream.CanSeek ? _stream.Position : 0;

        public override bool Next()
        {
            if (!CsvRecords.Rows(_reader.MoveNext, Math.Max(Line, 1) + 1))
            {
                return false;
            }

            SepReader.Row row = _reader.Current;
            Line = row.LineNumberFrom;
            _columns = row.ColCount;
            RecordError = row.ColCount != _header.Length ? $"{row.ColCount} fields where the header has {_header.Length}" : null;
            return true;
        }

        // Strings are made only for the fields asked for (one per distinct value of a column, see StringPool).
        public override string? Field(int index) =>
            index < 0 || index >= _columns ? null : index < _pools.Length ? _pools[index].Get(_reader.Current[index].Span) : _reader.Current[index].ToString();

        public override ReadOnlySpan<char> Span(int index) => index < 0 || index >= _columns ? default : _reader.Current[index].Span;

        public override void Dispose() => _reader.Dispose();
    }

    private sealed class ParquetTable : TabularReader
    {
        private readonly DuckDBConnection _connection;
        private readonly DuckDBCommand _command;
        private readonly DuckDBDataReader _reader;
        private readonly string[] _header;

        public ParquetTable(string path)
        {
            _connection = new DuckDBConnection("Data Source=:memory:");
            _connection.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = "SELECT COLUMNS(*)::VARCHAR FROM read_parquet('" + path.Replace("'", "''", StringComparison.Ordinal) + "')";
            try
            {
                _reader = _command.ExecuteReader();
            }
            catch (DuckDBException e)
            {
                Dispose();
                throw LedgerErrors.In(string.Empty, "not a readable Parquet file: " + e.Message.Split('\n')[0]);
            }

            _header = [.. Enumerable.Range(0, _reader.FieldCount).Select(_reader.GetName)];
        }

        public override IReadOnlyList<string> Header => _header;

        public override long BytesRead => 0;

        public override bool Next()
        {
            if (!_reader.Read())
            {
                return false;
            }

            Line++;
            return true;
        }

        public override string? Field(int index) => index < 0 || _reader.IsDBNull(index) ? null : _reader.GetString(index);

        public override ReadOnlySpan<char> Span(int index) => Field(index);

        public override void Dispose()
        {
            _reader?.Dispose();
            _command.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Gets the content id of raw record bytes (unused fields included).</summary>
    public static Guid ContentOf(long seed, string text) => RowIds.FromContent(seed, MemoryMarshal.AsBytes(text.AsSpan()));
}
