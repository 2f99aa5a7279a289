using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Writes a file's good rows in batches, each batch one transaction of new rows only, and tallies the outcome. The file
/// is parsed on the calling thread while a writer thread stores the previous batch (two batches in memory at most);
/// batches reach the store one at a time and in file order, so a crash still leaves only whole batches. The first
/// batch is an eighth of the size (then an eighth, a quarter, the rest of a half): the writer idled while a whole first
/// batch was parsed; after those four, batch ends fall on multiples of the batch size as before. Into a table that was
/// empty when the file began, the store looks up no existing ids: the only ids it can hold are the file's earlier
/// batches', and one set of ids over the whole file (up to <see cref="FileWideIds"/>) tells those apart.
/// </summary>
internal static class BatchWriter
{
    /// <summary>The most ids kept for a whole file (about 120 MB); past it the set holds one batch's and the store looks ids up.</summary>
    internal const int FileWideIds = 4 << 20;

    /// <summary>Imports the items of one file.</summary>
    public static FileImport Run<TRow>(
        ILedgerStore store, LedgerTable table, IEnumerable<ImportItem<TRow>> items, string path, string format, int batchRows,
        Action<long>? rowsRead, CancellationToken cancellationToken, int fileWideIds = FileWideIds)
        where TRow : ILedgerRow
    {
        var errors = new List<ImportError>();
        long read = 0, duplicates = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var free = new BlockingCollection<List<TRow>>();
        using var full = new BlockingCollection<(List<TRow> Rows, bool KnownNew)>();
        // Each list starts at the first (smallest) batch and is sized once more, to the whole batch, when the file reaches the
        // full-size batches: doubling a list of 300-byte rows to 262,144 allocated about 270 MB a file (most of the import's
        // allocation) and pushed it onto the large-object heap three times.
        for (int i = 0; i < 2; i++)
        {
            free.Add(new List<TRow>(Size(0, batchRows)), CancellationToken.None);
        }

        using IDisposable bulk = store.BulkLoad();
        Task<(long Imported, long Duplicates)> writer = Task.Factory.StartNew(
            () => Write(store, table, full, free, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool fileWide = store.Query(LedgerSql.AnyRow(store.Dialect, table), _ => 0).Count == 0;
        var seen = new HashSet<Guid>();
        try
        {
            List<TRow> batch = free.Take(stop.Token);
            int batches = 0, limit = Size(0, batchRows);
            foreach (ImportItem<TRow> item in items)
            {
                read++;
                if (item.Error is not null)
                {
                    errors.Add(new ImportError(item.Line, item.Error));
                }
                else if (!seen.Add(item.Row.RowId))
                {
                    duplicates++;
                }
                else
                {
                    batch.Add(item.Row);
                    if (batch.Count >= limit)
                    {
                        full.Add((batch, fileWide), stop.Token);
                        if (!fileWide || seen.Count >= fileWideIds)
                        {
                            fileWide = false;
                            seen.Clear();
                        }

                        batch = free.Take(stop.Token);
                        batches = Math.Min(batches + 1, 4);
                        limit = Size(batches, batchRows);
                        if (batches >= 2 && batch.Capacity < batchRows)
                        {
                            batch.Capacity = batchRows;
                        }
                    }
                }

                if ((read & 0x3FF) == 0)
                {
                    rowsRead?.Invoke(read);
                }
            }

            full.Add((batch, fileWide), stop.Token);
            rowsRead?.Invoke(read);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: the writer failed and stopped the parser; its exception is reported below.
        }
        finally
        {
            full.CompleteAdding();
            ((IAsyncResult)writer).AsyncWaitHandle.WaitOne();
        }

        if (writer.Exception is { } failed)
        {
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }

        (long imported, long stored) = writer.Result;
        return new FileImport(path, format, read, imported, duplicates + stored, errors.Count, errors);
    }

    /// <summary>Gets the rows of the batch at an index (from 0): the four ramp batches add up to one whole batch.</summary>
    internal static int Size(int index, int batchRows)
    {
        if (batchRows < 8 || index >= 4)
        {
            return batchRows;
        }

        int eighth = batchRows / 8;
        return index switch
        {
            0 or 1 => eighth,
            2 => batchRows / 4,
            _ => batchRows - (2 * eighth) - (batchRows / 4),
        };
    }

    // The writer thread: stores full batches in order and hands each list back for the parser to refill. A failure
    // cancels the parser (through stop) and is rethrown on the calling thread.
    private static (long Imported, long Duplicates) Write<TRow>(
        ILedgerStore store, LedgerTable table, BlockingCollection<(List<TRow> Rows, bool KnownNew)> full, BlockingCollection<List<TRow>> free, CancellationTokenSource stop)
        where TRow : ILedgerRow
    {
        long imported = 0, duplicates = 0;
        try
        {
            foreach ((List<TRow> batch, bool knownNew) in full.GetConsumingEnumerable())
            {
                stop.Token.ThrowIfCancellationRequested();
                long inserted = store.InsertNew(table, batch, knownNew);
                imported += inserted;
                duplicates += batch.Count - inserted;
                batch.Clear();
                free.Add(batch);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stop.Cancel();
            throw;
        }

        return (imported, duplicates);
    }
}
