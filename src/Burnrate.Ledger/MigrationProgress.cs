namespace Burnrate.Ledger;

/// <summary>Where a migration is.</summary>
/// <param name="Table">The table being copied.</param>
/// <param name="RowsRead">Its rows read so far.</param>
/// <param name="TotalRows">Its rows in all.</param>
public readonly record struct MigrationProgress(string Table, long RowsRead, long TotalRows);
