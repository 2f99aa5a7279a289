using System.Globalization;

namespace Burnrate.Ledger.Store;

/// <summary>
/// ClickHouse's spelling of the engine-specific bits of ledger SQL (checked on 18.16, the oldest server it supports, and
/// current syntax). Each ledger table is a ReplacingMergeTree keyed by its row id, partitioned by month and ordered by
/// customer and time; with a cluster, that table is created ON CLUSTER as <c>NAME_local</c> and a Distributed table NAME
/// shards rows by customer (by row id for bills, which have no customer), so a row always lands on the same shard.
/// </summary>
internal sealed class ClickHouseDialect(string database, string? cluster) : SqlDialect
{
    /// <summary>Gets the database the ledger lives in.</summary>
    public string Database { get; } = database;

    /// <summary>Gets the cluster name, or null for one server.</summary>
    public string? Cluster { get; } = cluster;

    private string OnCluster => Cluster is null ? string.Empty : $" ON CLUSTER {Cluster}";

    /// <summary>Gets the table rows are written to and stored in on each server (NAME_local on a cluster).</summary>
    public string StorageName(LedgerTable table) => Cluster is null ? table.Name : table.Name + "_local";

    /// <inheritdoc/>
    public override string TypeName(ColumnType type) => type switch
    {
        ColumnType.Id => "UUID",
        ColumnType.Text => "String",
        ColumnType.Count => "Int64",
        ColumnType.Money => "Decimal(18, 10)",
        ColumnType.NullableMoney => "Nullable(Decimal(18, 10))",

        // DateTime64 needs ClickHouse 20.1; DateTime (whole seconds) exists on every server. Reports cut at whole days.
        ColumnType.Timestamp => "DateTime('UTC')",
        ColumnType.Date => "Date",
        ColumnType.NullableQuantity => "Nullable(Decimal(38, 10))",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <inheritdoc/>
    public override string TableOptions(LedgerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.TimeColumn is null)
        {
            return "ENGINE = MergeTree() ORDER BY tuple()";
        }

        string order = table.GroupColumn is null ? $"{table.TimeColumn}, row_id" : $"{table.GroupColumn}, {table.TimeColumn}, row_id";
        return $"ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM({table.TimeColumn}) ORDER BY ({order})";
    }

    /// <inheritdoc/>
    public override IEnumerable<string> CreateTable(LedgerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string columns = string.Join(", ", table.Columns.Select(c => $"{c.Name} {TypeName(c.Type)}"));
        yield return $"CREATE TABLE IF NOT EXISTS {Database}.{StorageName(table)}{OnCluster} ({columns}) {TableOptions(table)}";
        if (Cluster is not null)
        {
            yield return $"CREATE TABLE IF NOT EXISTS {Database}.{table.Name}{OnCluster} AS {Database}.{StorageName(table)} "
                + $"ENGINE = Distributed({Cluster}, {Database}, {StorageName(table)}, {ShardKey(table)})";
        }
    }

    /// <summary>Gets the statement creating the database when it is missing (on every server of the cluster).</summary>
    public string CreateDatabase() => $"CREATE DATABASE IF NOT EXISTS {Database}{OnCluster}";

    /// <inheritdoc/>
    public override IEnumerable<string> AddColumn(LedgerTable table, LedgerColumn column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        string add = $"ADD COLUMN {column.Name} {TypeName(column.Type)} DEFAULT {DefaultValue(column.Type)}";
        yield return $"ALTER TABLE {Database}.{StorageName(table)}{OnCluster} {add}";
        if (Cluster is not null)
        {
            yield return $"ALTER TABLE {Database}.{table.Name}{OnCluster} {add}";
        }
    }

    /// <inheritdoc/>
    public override string UpdateAll(LedgerTable table, string assignment) =>
        $"ALTER TABLE {Database}.{StorageName(table)}{OnCluster} UPDATE {assignment} WHERE 1";

    /// <inheritdoc/>
    public override string Read(LedgerTable table) => table.Name + " FINAL";

    /// <inheritdoc/>
    public override string TableExists(string table) =>
        $"SELECT count() FROM system.tables WHERE database = {StringLiteral(Database)} AND name = {StringLiteral(table)}";

    /// <summary>Gets <c>lowerUTF8</c>: ClickHouse's <c>lower</c> changes ASCII letters only ('Ü' stays), DuckDB's every letter.</summary>
    public override string Lower(string expression) => $"lowerUTF8({expression})";

    /// <inheritdoc/>
    public override string StartOfDay(string expression) => $"toDate({expression})";

    /// <inheritdoc/>
    public override string StartOfWeek(string expression) => $"toMonday({expression})";

    /// <inheritdoc/>
    public override string StartOfMonth(string expression) => $"toStartOfMonth({expression})";

    /// <summary>
    /// Gets a DateTime literal. ClickHouse parses days up to 2105-12-31 only (a later text becomes the zero date, so an
    /// open-ended range's <c>started_at &lt; '9999-12-31'</c> would match nothing); an instant after the ledger's last day
    /// (<see cref="Reporting.LedgerDays.Last"/>, which no stored row passes) is written as the first second after it.
    /// </summary>
    public override string TimestampLiteral(DateTime utc) =>
        utc >= AfterLastDay ? $"(toDateTime('{LastDay} 23:59:59', 'UTC') + 1)"
        : "toDateTime('" + utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "', 'UTC')";

    /// <summary>Gets a Date literal; a day after 2105-12-31 is written as the day after it (see <see cref="TimestampLiteral"/>).</summary>
    public override string DateLiteral(DateOnly date) =>
        date > Reporting.LedgerDays.Last ? $"(toDate('{LastDay}') + 1)" : "toDate('" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "')";

    private static string LastDay { get; } = Reporting.LedgerDays.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime AfterLastDay { get; } = Reporting.LedgerDays.Last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <inheritdoc/>
    public override string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    private static string ShardKey(LedgerTable table) =>
        table.TimeColumn is null ? "rand()"
        : table.GroupColumn is null ? "cityHash64(toString(row_id))"
        : $"cityHash64({table.GroupColumn})";
}
