namespace Burnrate.Ledger.Store;

/// <summary>A column of a ledger table.</summary>
/// <param name="Name">The column name (snake_case; never reused as an alias in queries).</param>
/// <param name="Type">The engine-neutral type.</param>
internal sealed record LedgerColumn(string Name, ColumnType Type);
