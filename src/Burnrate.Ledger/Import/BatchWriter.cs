using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Import;

/// <summary>Writes a file's good rows in batches, each batch one transaction of new rows only, and tallies the outcome.</summary>
internal static class BatchWriter
{
    /// <summary>Imports the items of one file.</summary>
    public static FileImport Run<TRow>(
        ILedgerStore store, LedgerTable table, IEnumerable<ImportItem<TRow>> items, string path, string format, int batchRows,
        Action<long>? rowsRead, CancellationToken cancellationToken)
        where TRow : ILedgerRow
    {
        var batch = new List<TRow>(Math.Min(batchRows, 1 << 16));
        var inBatch = new HashSet<Guid>();
        var errors = new List<ImportError>();
        long read = 0, imported = 0, duplicates = 0;

        void Flush()
        {
            cancellationToken.ThrowIfCancellationRequested();
            long inserted = store.InsertNew(table, batch);
            imported += inserted;
            duplicates += batch.Count - inserted;
            batch.Clear();
            inBatch.Clear();
        }

        foreach (ImportItem<TRow> item in items)
        {
            read++;
            if (item.Error is not null)
            {
                errors.Add(new ImportError(item.Line, item.Error));
            }
            else if (!inBatch.Add(item.Row.RowId))
            {
                duplicates++;
            }
            else
            {
                batch.Add(item.Row);
                if (batch.Count >= batchRows)
                {
                    Flush();
                }
            }

            if ((read & 0x3FF) == 0)
            {
                rowsRead?.Invoke(read);
            }
        }

        Flush();
        rowsRead?.Invoke(read);
        return new FileImport(path, format, read, imported, duplicates, errors.Count, errors);
    }
}
