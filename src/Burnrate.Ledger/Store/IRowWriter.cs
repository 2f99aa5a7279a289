namespace Burnrate.Ledger.Store;

/// <summary>Writes one row's values, column by column in the table's order, to an engine's bulk loader (DuckDB's Appender; TSV for ClickHouse).</summary>
internal interface IRowWriter
{
    /// <summary>Writes a row id.</summary>
    void Id(Guid value);

    /// <summary>Writes text.</summary>
    void Text(string value);

    /// <summary>Writes a count.</summary>
    void Count(long value);

    /// <summary>Writes money (null when not priced).</summary>
    void Money(decimal? value);

    /// <summary>Writes a UTC timestamp.</summary>
    void Timestamp(DateTime utc);

    /// <summary>Writes a date.</summary>
    void Date(DateOnly value);

    /// <summary>Writes a quantity (null when the source gave none).</summary>
    void Quantity(decimal? value);
}
