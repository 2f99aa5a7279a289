namespace Burnrate.Ledger.Import;

/// <summary>Imports usage logs, bills and revenue into a ledger: streaming, idempotent, one transaction per batch.</summary>
public static class LedgerImporter
{
    /// <summary>Imports every file of the request.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="request">What to import.</param>
    /// <param name="progress">Receives progress every 1,024 records (may be null).</param>
    /// <param name="cancellationToken">Stops between batches; batches already written stay.</param>
    /// <returns>What happened to each file.</returns>
    /// <exception cref="Core.Validation.InputException">The request is invalid (every problem in one message) or a file is unreadable as the format.</exception>
    public static ImportReport Import(LedgerDatabase ledger, ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        Core.Validation.InputException.ThrowIfAny(request.Validate());

        Pricing.PriceBook prices = Pricing.PriceBook.Load(request.PricePaths);
        var files = new List<FileImport>();
        foreach (string path in request.Files)
        {
            long total = new FileInfo(path).Length;
            long bytes = 0;
            Action<long>? rows = progress is null ? null : r => progress.Report(new ImportProgress(path, r, bytes, total));
            try
            {
                files.Add(ImportFormats.ImportFile(ledger.Store, request, prices, path, b => bytes = b, rows, cancellationToken));
            }
            catch (Core.Validation.InputException e)
            {
                throw LedgerErrors.InFile(e, path);
            }
        }

        return new ImportReport(files);
    }
}
