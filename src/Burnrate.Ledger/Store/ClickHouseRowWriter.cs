using System.Globalization;
using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>
/// Writes rows as ClickHouse TabSeparated text into one batch buffer, remembering where each row starts and its first
/// time value (the table's time column, for the duplicate check's partition pruning).
/// </summary>
internal sealed class ClickHouseRowWriter : IRowWriter
{
    private static readonly DateTime Earliest = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2106, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private bool _columnWritten;
    private DateTime? _rowTime;

    /// <summary>Gets the batch text.</summary>
    public StringBuilder Text { get; } = new();

    /// <summary>Gets each row's start offset in <see cref="Text"/> (the end is the next start, or the length).</summary>
    public List<int> Starts { get; } = [];

    /// <summary>Gets each row's first time value (whole seconds, as stored).</summary>
    public List<DateTime> Times { get; } = [];

    /// <summary>Starts a batch.</summary>
    public void Clear()
    {
        Text.Clear();
        Starts.Clear();
        Times.Clear();
    }

    /// <summary>Starts a row.</summary>
    public void BeginRow()
    {
        Starts.Add(Text.Length);
        _columnWritten = false;
        _rowTime = null;
    }

    /// <summary>Ends a row.</summary>
    public void EndRow()
    {
        Text.Append('\n');
        Times.Add(_rowTime ?? Earliest);
    }

    /// <inheritdoc/>
    public void Id(Guid value) => Next().Append(value.ToString("D", CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    void IRowWriter.Text(string value) => Tsv.Escape(Next(), value);

    /// <inheritdoc/>
    public void Count(long value) => Next().Append(value.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public void Money(decimal? value) => Decimal(value);

    /// <inheritdoc/>
    public void Timestamp(DateTime utc)
    {
        DateTime seconds = new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        InRange(seconds, "timestamp");
        _rowTime ??= seconds;
        Next().Append(seconds.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public void Date(DateOnly value)
    {
        DateTime day = value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        InRange(day, "date");
        _rowTime ??= day;
        Next().Append(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public void Quantity(decimal? value) => Decimal(value);

    // DuckDB's appender truncates a decimal to the column's 10 places (DuckDB.NET multiplies and casts); ClickHouse
    // refuses more places than the column has, so the same truncation here keeps both stores equal to the last place.
    private void Decimal(decimal? value)
    {
        StringBuilder sb = Next();
        if (value is null)
        {
            sb.Append(@"\N");
            return;
        }

        sb.Append(Math.Round(value.Value, 10, MidpointRounding.ToZero).ToString(CultureInfo.InvariantCulture));
    }

    private static void InRange(DateTime value, string what)
    {
        if (value < Earliest || value >= Latest)
        {
            throw LedgerErrors.Field(what, value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                "from 1970-01-01 to 2105-12-31 (the range of ClickHouse's DateTime)");
        }
    }

    private StringBuilder Next()
    {
        if (_columnWritten)
        {
            Text.Append('\t');
        }

        _columnWritten = true;
        return Text;
    }
}
