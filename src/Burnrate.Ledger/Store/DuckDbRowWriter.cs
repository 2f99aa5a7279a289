using DuckDB.NET.Data;

namespace Burnrate.Ledger.Store;

/// <summary>Writes a row's values into a DuckDB Appender row.</summary>
internal sealed class DuckDbRowWriter : IAppenderRowWriter
{
    private IDuckDBAppenderRow? _row;

    private IDuckDBAppenderRow Current => _row ?? throw new InvalidOperationException("No appender row is open.");

    /// <inheritdoc/>
    public void Begin(IDuckDBAppenderRow row) => _row = row;

    /// <inheritdoc/>
    public void End()
    {
        Current.EndRow();
        _row = null;
    }

    /// <inheritdoc/>
    public void Id(Guid value) => Current.AppendValue((Guid?)value);

    /// <inheritdoc/>
    public void Text(string value) => Current.AppendValue(value);

    /// <inheritdoc/>
    public void Count(long value) => Current.AppendValue((long?)value);

    /// <inheritdoc/>
    public void Money(decimal? value) => Current.AppendValue(value);

    /// <inheritdoc/>
    public void Timestamp(DateTime utc) => Current.AppendValue((DateTime?)utc);

    /// <inheritdoc/>
    public void Date(DateOnly value) => Current.AppendValue((DateOnly?)value);

    /// <inheritdoc/>
    public void Quantity(decimal? value) => Current.AppendValue(value);
}
