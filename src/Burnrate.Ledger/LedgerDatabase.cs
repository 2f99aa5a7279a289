using Burnrate.Ledger.Store;

namespace Burnrate.Ledger;

/// <summary>An open ledger: the embedded DuckDB file by default (its schema migrated on open).</summary>
public sealed class LedgerDatabase : IDisposable
{
    /// <summary>The default ledger file, in the working folder.</summary>
    public const string DefaultPath = "burnrate-ledger.duckdb";

    private LedgerDatabase(ILedgerStore store) => Store = store;

    /// <summary>Gets where the ledger lives.</summary>
    public string Location => Store.Location;

    /// <summary>Gets the store the engines query.</summary>
    internal ILedgerStore Store { get; }

    /// <summary>Opens (creating when missing) a ledger file.</summary>
    /// <param name="path">The DuckDB file (":memory:" for a throwaway ledger).</param>
    /// <returns>The open ledger.</returns>
    public static LedgerDatabase Open(string path) => new(DuckDbLedgerStore.Open(path));

    /// <inheritdoc/>
    public void Dispose() => Store.Dispose();
}
