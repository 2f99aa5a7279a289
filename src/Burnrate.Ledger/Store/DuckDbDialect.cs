namespace Burnrate.Ledger.Store;

/// <summary>DuckDB's spelling of the engine-specific bits of ledger SQL.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    /// <summary>Gets the one instance.</summary>
    public static DuckDbDialect Instance { get; } = new();

    /// <summary>Gets the keyword that makes a staging table session-local.</summary>
    public const string StageTableKeyword = "TEMP";

    /// <inheritdoc/>
    public override string TypeName(ColumnType type) => type switch
    {
        ColumnType.Id => "UUID NOT NULL",
        ColumnType.Text => "VARCHAR NOT NULL",
        ColumnType.Count => "BIGINT NOT NULL",
        ColumnType.Money => "DECIMAL(18,10) NOT NULL",
        ColumnType.NullableMoney => "DECIMAL(18,10)",
        ColumnType.Timestamp => "TIMESTAMP NOT NULL",
        ColumnType.Date => "DATE NOT NULL",
        ColumnType.NullableQuantity => "DECIMAL(38,10)",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <inheritdoc/>
    public override IEnumerable<string> AddColumn(LedgerTable table, LedgerColumn column) =>
        [$"ALTER TABLE {table.Name} ADD COLUMN {column.Name} {TypeName(column.Type).Replace(" NOT NULL", string.Empty, StringComparison.Ordinal)} DEFAULT {DefaultValue(column.Type)}"];

    /// <inheritdoc/>
    public override string TableOptions(LedgerTable table) => string.Empty;

    /// <inheritdoc/>
    /// <remarks>A profiled table is two tables and a view of the table's name that joins them.</remarks>
    public override IEnumerable<string> CreateTable(LedgerTable table) => table.ProfileColumns is null ? base.CreateTable(table)
        : [CreateProfiles(table), LedgerSchema.CreateTable(this, table.RowsTable), ProfileView(table)];

    /// <inheritdoc/>
    public override string IdTable(LedgerTable table) => table.ProfileColumns is null ? table.Name : table.RowsName;

    /// <inheritdoc/>
    public override IEnumerable<string> SeparateProfiles(LedgerTable table)
    {
        if (table.ProfileColumns is null)
        {
            return [];
        }

        string id = ProfileIds.Sql(table.ProfileColumns);
        string rows = string.Join(", ", table.RowsTable.Columns.SkipLast(1).Select(c => c.Name));
        return
        [
            CreateProfiles(table),
            LedgerSchema.CreateTable(this, table.RowsTable),
            $"INSERT INTO {table.ProfilesName} SELECT DISTINCT {id}, {string.Join(", ", table.ProfileColumns)} FROM {table.Name}",
            $"INSERT INTO {table.RowsName} SELECT {rows}, {id} FROM {table.Name}",
            $"DROP TABLE {table.Name}",
            ProfileView(table),
        ];
    }

    // A profile is stored once: should two writers in one process add the same new profile at once (the ledger has one
    // writer; the library does not stop a second), the second commit fails instead of every row of it reading twice.
    private string CreateProfiles(LedgerTable table) => LedgerSchema.CreateTable(this, table.ProfilesTable, primaryKey: LedgerTable.ProfileIdColumn);

    // The view reads as the one table did: the same columns in the same order.
    private static string ProfileView(LedgerTable table) =>
        $"CREATE VIEW IF NOT EXISTS {table.Name} AS SELECT "
        + string.Join(", ", table.Columns.Select(c => (table.IsProfileColumn(c.Name) ? "p." : "r.") + c.Name))
        + $" FROM {table.RowsName} AS r JOIN {table.ProfilesName} AS p ON r.{LedgerTable.ProfileIdColumn} = p.{LedgerTable.ProfileIdColumn}";

    /// <inheritdoc/>
    public override string TableExists(string table) =>
        $"SELECT count(*) FROM information_schema.tables WHERE table_name = {StringLiteral(table)} AND table_schema = 'main'";

    /// <inheritdoc/>
    public override string StartOfDay(string expression) => $"date_trunc('day', {expression})";

    /// <inheritdoc/>
    public override string StartOfWeek(string expression) => $"date_trunc('week', {expression})";

    /// <inheritdoc/>
    public override string StartOfMonth(string expression) => $"date_trunc('month', {expression})";
}
