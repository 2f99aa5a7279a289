namespace Burnrate.Ledger.Store;

/// <summary>A ledger table: its name and columns (in insert order). The first column is the row id that makes imports idempotent.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">The columns, row id first.</param>
internal sealed record LedgerTable(string Name, IReadOnlyList<LedgerColumn> Columns)
{
    /// <summary>Gets the column that places a row in time (month partitions on ClickHouse; null for the version table).</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Gets the column rows are grouped and sharded by (customer where the table has one; null: the row id).</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Gets the name of the session-local staging table that holds an import batch's row ids (to find those already imported).</summary>
    public string StageName => Name + "_stage";

    /// <summary>Gets the comma-separated column list.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}
