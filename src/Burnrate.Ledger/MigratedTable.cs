namespace Burnrate.Ledger;

/// <summary>One table of a migration.</summary>
/// <param name="Table">The table name.</param>
/// <param name="RowsRead">Rows in the source.</param>
/// <param name="Copied">Rows the target did not hold and now does.</param>
/// <param name="AlreadyPresent">Rows the target held already (a repeated or resumed migration).</param>
public sealed record MigratedTable(string Table, long RowsRead, long Copied, long AlreadyPresent);
