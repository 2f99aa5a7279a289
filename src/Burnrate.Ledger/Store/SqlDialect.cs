using System.Globalization;

namespace Burnrate.Ledger.Store;

/// <summary>
/// The few places where ledger SQL differs between engines. Everything else in <see cref="LedgerSql"/> is SQL that
/// DuckDB and ClickHouse both accept (<see cref="DuckDbDialect"/>, <see cref="ClickHouseDialect"/>).
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Gets the DDL type name of a column type.</summary>
    public abstract string TypeName(ColumnType type);

    /// <summary>Gets what follows the column list of CREATE TABLE (an ENGINE clause on ClickHouse, nothing on DuckDB).</summary>
    public abstract string TableOptions(LedgerTable table);

    /// <summary>Gets an expression truncating a timestamp or date to the start of its UTC day, as a timestamp or date.</summary>
    public abstract string StartOfDay(string expression);

    /// <summary>Gets an expression truncating to the Monday that starts the ISO week.</summary>
    public abstract string StartOfWeek(string expression);

    /// <summary>Gets an expression truncating to the first day of the month.</summary>
    public abstract string StartOfMonth(string expression);

    /// <summary>Gets an expression lower-casing text, non-ASCII letters included (route matching compares in lower case).</summary>
    public virtual string Lower(string expression) => $"lower({expression})";

    /// <summary>Gets a query returning one row with the number of tables named <paramref name="table"/> (0 or 1).</summary>
    public abstract string TableExists(string table);

    /// <summary>Gets the statements adding a column to an existing table (a migration), filled with <see cref="DefaultValue"/> for old rows.</summary>
    public abstract IEnumerable<string> AddColumn(LedgerTable table, LedgerColumn column);

    /// <summary>Gets the statements creating a table when it is missing (one on DuckDB; on a ClickHouse cluster a local table and its Distributed table).</summary>
    public virtual IEnumerable<string> CreateTable(LedgerTable table) => [LedgerSchema.CreateTable(this, table)];

    /// <summary>Gets the statement setting a column of every row (a migration's backfill).</summary>
    public virtual string UpdateAll(LedgerTable table, string assignment) => $"UPDATE {table.Name} SET {assignment}";

    /// <summary>
    /// Gets what a query reads a ledger table as: its name on DuckDB; on ClickHouse the name with FINAL, so rows a re-import
    /// wrote again (ReplacingMergeTree collapses them only when parts merge) are counted once.
    /// </summary>
    public virtual string Read(LedgerTable table) => table.Name;

    /// <summary>Gets the table that holds a table's row ids (the table itself, or its rows when the engine keeps profiles apart).</summary>
    public virtual string IdTable(LedgerTable table) => table.Name;

    /// <summary>Gets the statements that move a table's profile columns into a profiles table (schema version 3; none where the engine keeps one table).</summary>
    public virtual IEnumerable<string> SeparateProfiles(LedgerTable table) => [];

    /// <summary>Gets the value old rows get in a column added by a migration: '' for text, 0 for counts and money, NULL for nullable values.</summary>
    public static string DefaultValue(ColumnType type) => type switch
    {
        ColumnType.Text => "''",
        ColumnType.Count or ColumnType.Money => "0",
        ColumnType.NullableMoney or ColumnType.NullableQuantity => "NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "a migration adds only text, count, money or nullable columns"),
    };

    /// <summary>Gets a timestamp literal for a UTC instant.</summary>
    public virtual string TimestampLiteral(DateTime utc) =>
        "TIMESTAMP '" + utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "'";

    /// <summary>Gets a date literal.</summary>
    public virtual string DateLiteral(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>Gets a string literal with quotes escaped.</summary>
    public virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
