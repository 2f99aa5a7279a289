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

    /// <summary>
    /// Gets the text columns the embedded (DuckDB) ledger stores once per distinct combination, a row's "profile", instead of
    /// in every row (null: none). DuckDB spends about 0.1 s per text column per million rows storing text; a FOCUS bill repeats
    /// its provider, service, SKU, account and unit columns on every row. The table's name is then a view joining
    /// <see cref="RowsName"/> and <see cref="ProfilesName"/>, so every query reads the same columns on every engine.
    /// </summary>
    public IReadOnlyList<string>? ProfileColumns { get; init; }

    /// <summary>Gets the physical table of a profiled table's rows (its own columns and a profile id).</summary>
    public string RowsName => Name + "_rows";

    /// <summary>Gets the physical table of a profiled table's distinct profiles.</summary>
    public string ProfilesName => Name + "_profiles";

    /// <summary>Gets the physical rows table of a profiled table: its columns other than the profile's, then the profile id.</summary>
    public LedgerTable RowsTable => new(RowsName, [.. Columns.Where(c => !IsProfileColumn(c.Name)), new(ProfileIdColumn, ColumnType.Id)]);

    /// <summary>Gets the physical profiles table of a profiled table: the profile id, then the profile's columns.</summary>
    public LedgerTable ProfilesTable => new(ProfilesName, [new(ProfileIdColumn, ColumnType.Id), .. Columns.Where(c => IsProfileColumn(c.Name))]);

    /// <summary>Gets the column that ties a row to its profile.</summary>
    public const string ProfileIdColumn = "profile_id";

    /// <summary>Gets whether a column is stored in the profile.</summary>
    public bool IsProfileColumn(string column) => ProfileColumns?.Contains(column, StringComparer.Ordinal) == true;

    /// <summary>Gets the name of the session-local staging table that holds an import batch's row ids (to find those already imported).</summary>
    public string StageName => Name + "_stage";

    /// <summary>Gets the comma-separated column list.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}
