using Burnrate.Ledger.Store;

namespace Burnrate.Ledger;

/// <summary>
/// Copies one ledger into another (<c>ledger migrate</c>: an embedded DuckDB file into a ClickHouse cluster), table by table,
/// streaming, in batches of new rows only: copying again, or after an interruption, adds nothing twice.
/// </summary>
public static class LedgerMigration
{
    /// <summary>Copies every row of <paramref name="from"/> that <paramref name="to"/> lacks.</summary>
    /// <param name="from">The ledger read.</param>
    /// <param name="to">The ledger written.</param>
    /// <param name="batchRows">Rows per batch (at least 1).</param>
    /// <param name="progress">Receives the rows read so far, per table (may be null).</param>
    /// <param name="cancellationToken">Stops between batches; batches written stay.</param>
    /// <returns>Per table: rows read, copied and already present.</returns>
    public static MigrationReport Copy(LedgerDatabase from, LedgerDatabase to, int batchRows = 100_000, IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        var tables = new List<MigratedTable>();
        foreach (LedgerTable table in LedgerTables.All)
        {
            long total = from.Store.Query($"SELECT count(*) AS table_rows FROM {from.Store.Dialect.Read(table)}", r => DbValues.Count(r, 0))[0];
            long read = 0, copied = 0;
            var batch = new List<CopiedRow>(Math.Min(batchRows, 1 << 16));
            void Flush()
            {
                cancellationToken.ThrowIfCancellationRequested();
                copied += to.Store.InsertNew(table, batch);
                batch.Clear();
                progress?.Report(new MigrationProgress(table.Name, read, total));
            }

            foreach (CopiedRow row in from.Store.Stream($"SELECT {table.ColumnList} FROM {from.Store.Dialect.Read(table)}", r => CopiedRow.Read(table, r)))
            {
                read++;
                batch.Add(row);
                if (batch.Count >= batchRows)
                {
                    Flush();
                }
            }

            Flush();
            tables.Add(new MigratedTable(table.Name, read, copied, read - copied));
        }

        return new MigrationReport(from.Location, to.Location, tables);
    }
}
