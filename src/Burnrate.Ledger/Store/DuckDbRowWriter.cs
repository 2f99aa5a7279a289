using DuckDB.NET.Data;

namespace Burnrate.Ledger.Store;

/// <summary>Writes a row's values into a DuckDB Appender row.</summary>
internal sealed class DuckDbRowWriter : IRowWriter
{
    /// <summary>Gets or sets the row being written.</summary>
    public IDuckDBAppenderRow? Row { get; set; }

    private IDuckDBAppenderRow Current => Row ?? throw new InvalidOperationException("No appender row is open.");

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
