namespace Burnrate.Ledger.Import;

/// <summary>What an import did, file by file.</summary>
/// <param name="Files">One entry per file.</param>
public sealed record ImportReport(IReadOnlyList<FileImport> Files);

/// <summary>What importing one file did.</summary>
/// <param name="Path">The file.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="RowsRead">Records read (good and bad).</param>
/// <param name="Imported">Rows new to the ledger.</param>
/// <param name="Duplicates">Rows the ledger already held (same request id, or same content).</param>
/// <param name="Rejected">Records rejected; each is in <paramref name="Errors"/>.</param>
/// <param name="Errors">Each rejected record's line and reason.</param>
public sealed record FileImport(string Path, string Format, long RowsRead, long Imported, long Duplicates, long Rejected, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Gets the rows imported that break one of the format's invariants (FOCUS), each with its line and rule.</summary>
    public IReadOnlyList<ImportViolation> Violations { get; init; } = [];
}

/// <summary>A row (or, for a header or cross-row rule, a file) that breaks an invariant of its format but was imported.</summary>
/// <param name="Line">The 1-based line (or record) number; for a cross-row rule, its first row's.</param>
/// <param name="Rule">The invariant (e.g. "ListCost = ListUnitPrice × PricingQuantity").</param>
/// <param name="Message">The values that break it.</param>
public sealed record ImportViolation(long Line, string Rule, string Message);

/// <summary>A rejected record.</summary>
/// <param name="Line">The 1-based line (or record) number.</param>
/// <param name="Message">What is wrong: the field, the bad value and what is allowed.</param>
public sealed record ImportError(long Line, string Message);

/// <summary>Progress of a long import.</summary>
/// <param name="Path">The file being read.</param>
/// <param name="Rows">Records read so far.</param>
/// <param name="BytesRead">Bytes read so far.</param>
/// <param name="TotalBytes">The file's size.</param>
public readonly record struct ImportProgress(string Path, long Rows, long BytesRead, long TotalBytes);
