using System.Globalization;

namespace Burnrate.Ledger.Store;

/// <summary>The ledger schema's versions and the migrations between them, applied on open.</summary>
internal static class LedgerSchema
{
    /// <summary>Gets the version this build writes.</summary>
    public const int CurrentVersion = 3;

    /// <summary>Gets the table holding the schema version.</summary>
    public const string VersionTable = "ledger_schema";

    /// <summary>Gets the version table: one row per migration applied, the highest its version.</summary>
    public static LedgerTable Versions { get; } = new(VersionTable, [new("version", ColumnType.Count)]);

    /// <summary>Gets the statements that take a store from <paramref name="fromVersion"/> to <see cref="CurrentVersion"/>.</summary>
    public static IReadOnlyList<string> Migrations(SqlDialect dialect, int fromVersion)
    {
        var statements = new List<string>();
        if (fromVersion < 1)
        {
            statements.AddRange(dialect.CreateTable(Versions));
            statements.AddRange(LedgerTables.All.SelectMany(dialect.CreateTable));
            statements.Add($"INSERT INTO {VersionTable} (version) VALUES (0)");
        }

        if (fromVersion is >= 1 and < 2)
        {
            // Version 2: usage rows carry their service tier (batch, priority, flex: tier prices); billed rows keep the
            // rest of a FOCUS row. Old provider cost lines were billed at contract, so contracted = billed.
            foreach (LedgerTable table in LedgerTables.All)
            {
                statements.AddRange(LedgerTables.AddedIn(2, table).SelectMany(c => dialect.AddColumn(table, c)));
            }

            statements.Add(dialect.UpdateAll(LedgerTables.Billed, "contracted_usd = billed_usd"));
        }

        if (fromVersion is >= 1 and < 3)
        {
            // Version 3: the embedded ledger keeps what a bill repeats on every row (provider, service, SKU, account, units…)
            // once per distinct combination; the table's name becomes a view with the same columns (see LedgerTable.ProfileColumns).
            statements.AddRange(LedgerTables.All.SelectMany(dialect.SeparateProfiles));
        }

        // Later versions append their ALTER statements here, each guarded by fromVersion < N. The version is read as
        // max(version), so a new row records it on every engine (ClickHouse has no plain UPDATE).
        statements.Add($"INSERT INTO {VersionTable} (version) VALUES ({CurrentVersion.ToString(CultureInfo.InvariantCulture)})");
        return statements;
    }

    /// <summary>Gets CREATE TABLE for a ledger table.</summary>
    /// <param name="dialect">The engine.</param>
    /// <param name="table">The table.</param>
    /// <param name="name">The name to create it under (default: the table's).</param>
    /// <param name="keyword">TEMP, or empty.</param>
    /// <param name="primaryKey">A column whose values must be unique (DuckDB only: ClickHouse's key does not enforce it).</param>
    public static string CreateTable(SqlDialect dialect, LedgerTable table, string? name = null, string keyword = "", string? primaryKey = null) =>
        $"CREATE {keyword}{(keyword.Length > 0 ? " " : string.Empty)}TABLE IF NOT EXISTS {name ?? table.Name} ("
        + string.Join(", ", table.Columns.Select(c => $"{c.Name} {dialect.TypeName(c.Type)}"))
        + (primaryKey is null ? string.Empty : $", PRIMARY KEY ({primaryKey})")
        + ") " + dialect.TableOptions(table);
}
