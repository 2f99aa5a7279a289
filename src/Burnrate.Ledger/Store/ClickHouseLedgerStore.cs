using System.Data;
using System.Globalization;
using System.Text;

namespace Burnrate.Ledger.Store;

/// <summary>
/// A ledger on a ClickHouse server or cluster, over the HTTP interface. Idempotent imports: each batch is checked for row
/// ids the table already holds (only the new rows are sent, so the import counts duplicates like DuckDB) and the tables
/// are ReplacingMergeTrees on the row id read with FINAL, so a batch a crash half-wrote and a re-run sends again is
/// still counted once.
/// </summary>
internal sealed class ClickHouseLedgerStore : ILedgerStore
{
    private readonly ClickHouseHttp _http;
    private readonly ClickHouseDialect _dialect;
    private readonly ClickHouseRowWriter _writer = new();

    private ClickHouseLedgerStore(ClickHouseHttp http, ClickHouseAddress address)
    {
        _http = http;
        _dialect = new ClickHouseDialect(address.Database, address.Cluster);
        Location = address.ToString();
    }

    /// <inheritdoc/>
    public SqlDialect Dialect => _dialect;

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>Connects, creates the database and tables when missing (ON CLUSTER with a cluster) and migrates the schema.</summary>
    public static ClickHouseLedgerStore Open(ClickHouseAddress address, LedgerCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(address);
        var http = new ClickHouseHttp(address, credentials);
        var store = new ClickHouseLedgerStore(http, address);
        try
        {
            http.Execute(store._dialect.CreateDatabase(), database: null);
            LedgerMigrator.Migrate(store);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public long Execute(string sql)
    {
        _http.Execute(sql, _dialect.Database);
        return 0;
    }

    /// <summary>
    /// Runs the statements one after another: ClickHouse has no transactions. The ledger's DDL is written to be re-run
    /// (CREATE ... IF NOT EXISTS, the version row last), so a migration cut short completes on the next open.
    /// </summary>
    public void ExecuteAtomically(IReadOnlyList<string> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (string statement in statements)
        {
            Execute(statement);
        }
    }

    /// <inheritdoc/>
    public List<T> Query<T>(string sql, Func<IDataRecord, T> map) => Map(_http.Query(sql, _dialect.Database), map);

    /// <inheritdoc/>
    public IEnumerable<T> Stream<T>(string sql, Func<IDataRecord, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        TsvRecord? record = null;
        foreach (string?[] row in _http.Lines(sql, _dialect.Database))
        {
            if (record is null)
            {
                record = new TsvRecord([.. row.Select(n => n ?? string.Empty)]);
                continue;
            }

            record.Values = row;
            yield return map(record);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The servers tune their own inserts: nothing to change.</remarks>
    public IDisposable BulkLoad() => NoSettings.Instance;

    /// <inheritdoc/>
    public long InsertNew<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, bool knownNew = false)
        where TRow : ILedgerRow
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        _writer.Clear();
        foreach (TRow row in rows)
        {
            _writer.BeginRow();
            row.Write(_writer);
            _writer.EndRow();
        }

        HashSet<Guid> existing = knownNew ? [] : ExistingIds(table, rows);
        var body = new StringBuilder(existing.Count == 0 ? 0 : _writer.Text.Length);
        int sent = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (existing.Contains(rows[i].RowId))
            {
                continue;
            }

            sent++;
            if (existing.Count > 0)
            {
                int end = i + 1 < rows.Count ? _writer.Starts[i + 1] : _writer.Text.Length;
                body.Append(_writer.Text, _writer.Starts[i], end - _writer.Starts[i]);
            }
        }

        if (sent > 0)
        {
            using var content = new StringBuilderContent(existing.Count == 0 ? _writer.Text : body, "text/tab-separated-values");

            // Synchronous on a cluster: the rows are on their shards when the call returns, so the next batch's duplicate check sees them.
            _http.Insert(table.Name, table.ColumnList, content, _dialect.Database, distributedSync: _dialect.Cluster is not null);
        }

        _writer.Clear();
        return sent;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static List<T> Map<T>(List<string?[]> rows, Func<IDataRecord, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (rows.Count == 0)
        {
            return [];
        }

        var record = new TsvRecord([.. rows[0].Select(n => n ?? string.Empty)]);
        var result = new List<T>(rows.Count - 1);
        for (int i = 1; i < rows.Count; i++)
        {
            record.Values = rows[i];
            result.Add(map(record));
        }

        return result;
    }

    // The ids of the batch the table already holds. Narrowed to the batch's time span (the partition and sort key), so a
    // batch of one month reads that month's parts only; the ids go as external data, not as a 4 MB IN list.
    private HashSet<Guid> ExistingIds<TRow>(LedgerTable table, IReadOnlyList<TRow> rows)
        where TRow : ILedgerRow
    {
        var ids = new StringBuilder(rows.Count * 37);
        foreach (TRow row in rows)
        {
            ids.Append(row.RowId.ToString("D", CultureInfo.InvariantCulture)).Append('\n');
        }

        string where = string.Empty;
        if (table.TimeColumn is not null)
        {
            DateTime first = _writer.Times.Min(), last = _writer.Times.Max();
            bool date = table.Columns.First(c => c.Name == table.TimeColumn).Type == ColumnType.Date;
            where = date
                ? $"{table.TimeColumn} >= {_dialect.DateLiteral(DateOnly.FromDateTime(first))} AND {table.TimeColumn} <= {_dialect.DateLiteral(DateOnly.FromDateTime(last))} AND "
                : $"{table.TimeColumn} >= {_dialect.TimestampLiteral(first)} AND {table.TimeColumn} <= {_dialect.TimestampLiteral(last)} AND ";
        }

        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["batch_ids"] = Encoding.ASCII.GetBytes(ids.ToString()) };
        List<string?[]> answer = _http.Query($"SELECT DISTINCT row_id FROM {table.Name} WHERE {where}row_id IN batch_ids", _dialect.Database, tables, "row_id UUID");
        return [.. answer.Skip(1).Select(r => Guid.Parse(r[0]!, CultureInfo.InvariantCulture))];
    }

    private sealed class NoSettings : IDisposable
    {
        public static NoSettings Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
