using System.Data;
using DuckDB.NET.Data;

namespace Burnrate.Ledger.Store;

/// <summary>The embedded ledger: one DuckDB file, its schema migrated on open; bulk loads go through DuckDB's Appender.</summary>
internal sealed class DuckDbLedgerStore : ILedgerStore
{
    private readonly DuckDBConnection _connection;
    private readonly HashSet<string> _stagesCreated = new(StringComparer.Ordinal);
    private readonly DuckDbRowWriter _writer = new();
    private readonly Dictionary<string, ProfiledRowWriter> _profiled = new(StringComparer.Ordinal);

    private DuckDbLedgerStore(DuckDBConnection connection, string location)
    {
        _connection = connection;
        Location = location;
    }

    /// <inheritdoc/>
    public SqlDialect Dialect => DuckDbDialect.Instance;

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>Opens (creating when missing) the ledger file and migrates its schema to the current version.</summary>
    /// <param name="path">The database file, or ":memory:".</param>
    /// <returns>The open store.</returns>
    public static DuckDbLedgerStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
        {
            throw LedgerErrors.Field("db", path, $"a file in an existing folder ({dir} does not exist)");
        }

        // The builder quotes the path: a ';' or a control character in a file name is part of the name, not a connection option.
        var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = path }.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new IOException($"cannot open the ledger {path}: {e.Message.Split('\n')[0]}", e);
        }

        var store = new DuckDbLedgerStore(connection, path);
        LedgerMigrator.Migrate(store);
        return store;
    }

    /// <inheritdoc/>
    public long Execute(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void ExecuteAtomically(IReadOnlyList<string> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        using DuckDBTransaction transaction = _connection.BeginTransaction();
        foreach (string statement in statements)
        {
            Execute(statement);
        }

        transaction.Commit();
    }

    /// <inheritdoc/>
    public List<T> Query<T>(string sql, Func<IDataRecord, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <inheritdoc/>
    public IEnumerable<T> Stream<T>(string sql, Func<IDataRecord, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// DuckDB runs one thread while a file loads, the one that commits: with more, the committing thread spins waiting for
    /// the workers that compress the batch (a core busy doing nothing), and the parser needs that core. Measured on 1M FOCUS
    /// rows, 2 cores: about 15% less CPU and 10% less time. The setting is the database's, put back when the load ends.
    /// </remarks>
    public IDisposable BulkLoad()
    {
        long threads = Query("SELECT current_setting('threads')", r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))[0];
        Execute("SET threads = 1");
        return new Restore(this, threads);
    }

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

        // Each batch is one transaction: the ids the table already holds are found through a one-column staging table
        // (a semi-join whose hash table is the batch, not the ledger), then the new rows go straight into the table
        // through the Appender, so every row is written once.
        using DuckDBTransaction transaction = _connection.BeginTransaction();
        try
        {
            HashSet<Guid> existing = knownNew ? [] : ExistingIds(table, rows);
            if (table.ProfileColumns is null)
            {
                long appended = Append(table, rows, existing);
                transaction.Commit();
                return appended;
            }

            ProfiledRowWriter writer = Profiled(table);
            long written = AppendProfiled(table, rows, existing, writer);
            transaction.Commit();
            writer.Profiles.Committed();
            return written;
        }
        catch
        {
            // The rollback also drops a staging table this batch created; what the store holds is read again for the next
            // batch, and the profile writer, maybe mid-row, is replaced.
            _stagesCreated.Remove(table.StageName);
            _profiled.Remove(table.Name);
            throw;
        }
    }

    private long Append<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, HashSet<Guid> existing)
        where TRow : ILedgerRow
    {
        using DuckDBAppender appender = _connection.CreateAppender(table.Name);
        return AppendNew(appender, rows, existing, _writer);
    }

    private ProfiledRowWriter Profiled(LedgerTable table)
    {
        if (!_profiled.TryGetValue(table.Name, out ProfiledRowWriter? writer))
        {
            writer = new ProfiledRowWriter(table, new ProfileCache());
            _profiled.Add(table.Name, writer);
        }

        if (!writer.Profiles.Loaded)
        {
            writer.Profiles.Load(Query($"SELECT {LedgerTable.ProfileIdColumn} FROM {table.ProfilesName}", r => r.GetGuid(0)));
        }

        return writer;
    }

    // A profiled table: the rows go to its rows table, each ending with its profile's id, then the profiles the store
    // lacks go to the profiles table (in the same transaction).
    private long AppendProfiled<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, HashSet<Guid> existing, ProfiledRowWriter writer)
        where TRow : ILedgerRow
    {
        long appended;
        using (DuckDBAppender appender = _connection.CreateAppender(table.RowsName))
        {
            appended = AppendNew(appender, rows, existing, writer);
        }

        ProfileCache profiles = writer.Profiles;
        if (profiles.Pending.Count > 0)
        {
            using DuckDBAppender appender = _connection.CreateAppender(table.ProfilesName);
            foreach ((Guid id, string[] values) in profiles.Pending)
            {
                IDuckDBAppenderRow profile = appender.CreateRow().AppendValue((Guid?)id);
                foreach (string value in values)
                {
                    profile.AppendValue(value);
                }

                profile.EndRow();
            }
        }

        return appended;
    }

    // The rows not already stored, one appender row each.
    private static long AppendNew<TRow, TWriter>(DuckDBAppender appender, IReadOnlyList<TRow> rows, HashSet<Guid> existing, TWriter writer)
        where TRow : ILedgerRow
        where TWriter : IAppenderRowWriter
    {
        long appended = 0;
        foreach (TRow row in rows)
        {
            if (existing.Count > 0 && existing.Contains(row.RowId))
            {
                continue;
            }

            writer.Begin(appender.CreateRow());
            row.Write(writer);
            writer.End();
            appended++;
        }

        return appended;
    }

    private HashSet<Guid> ExistingIds<TRow>(LedgerTable table, IReadOnlyList<TRow> rows)
        where TRow : ILedgerRow
    {
        if (_stagesCreated.Add(table.StageName))
        {
            Execute(LedgerSql.CreateIdStage(Dialect, table, DuckDbDialect.StageTableKeyword));
        }

        using (DuckDBAppender appender = _connection.CreateAppender(table.StageName))
        {
            foreach (TRow row in rows)
            {
                appender.CreateRow().AppendValue((Guid?)row.RowId).EndRow();
            }
        }

        HashSet<Guid> existing = [.. Query(LedgerSql.ExistingStagedIds(Dialect, table), r => r.GetGuid(0))];
        Execute(LedgerSql.ClearStage(table));
        return existing;
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private sealed class Restore(DuckDbLedgerStore store, long threads) : IDisposable
    {
        public void Dispose() => store.Execute(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SET threads = {threads}"));
    }
}
