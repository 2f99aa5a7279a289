namespace Burnrate.Ledger;

/// <summary>What a migration copied.</summary>
/// <param name="From">The ledger read.</param>
/// <param name="To">The ledger written.</param>
/// <param name="Tables">Per table.</param>
public sealed record MigrationReport(string From, string To, IReadOnlyList<MigratedTable> Tables);
