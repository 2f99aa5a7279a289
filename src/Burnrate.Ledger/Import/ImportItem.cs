namespace Burnrate.Ledger.Import;

/// <summary>What a reader made of one line or record of a file: a row, or why it was rejected.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <param name="Line">The 1-based line (or record) number in the file.</param>
/// <param name="Row">The row (default when rejected).</param>
/// <param name="Error">Why the line was rejected, or null.</param>
internal readonly record struct ImportItem<TRow>(long Line, TRow Row, string? Error)
{
    /// <summary>Gets an accepted row.</summary>
    public static ImportItem<TRow> Ok(long line, TRow row) => new(line, row, null);

    /// <summary>Gets a rejected line.</summary>
    public static ImportItem<TRow> Bad(long line, string error) => new(line, default!, error);
}
