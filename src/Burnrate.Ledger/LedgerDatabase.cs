using Burnrate.Ledger.Store;

namespace Burnrate.Ledger;

/// <summary>An open ledger: the embedded DuckDB file by default, or a ClickHouse server or cluster (its schema migrated on open).</summary>
public sealed class LedgerDatabase : IDisposable
{
    /// <summary>The default ledger file, in the working folder.</summary>
    public const string DefaultPath = "burnrate-ledger.duckdb";

    private LedgerDatabase(ILedgerStore store) => Store = store;

    /// <summary>Gets where the ledger lives.</summary>
    public string Location => Store.Location;

    /// <summary>Gets the store the engines query.</summary>
    internal ILedgerStore Store { get; }

    /// <summary>Opens (creating when missing) a ledger.</summary>
    /// <param name="db">The DuckDB file (":memory:" for a throwaway ledger), or <c>clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]</c>.</param>
    /// <param name="credentials">The ClickHouse user and password (ignored for a DuckDB file; default: the server's default user).</param>
    /// <returns>The open ledger.</returns>
    /// <exception cref="Core.Validation.InputException">The address is malformed, or the ledger was written by a newer Burnrate.</exception>
    /// <exception cref="IOException">The file cannot be opened, or the server cannot be reached or refuses a statement.</exception>
    public static LedgerDatabase Open(string db, LedgerCredentials? credentials = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        return ClickHouseAddress.Matches(db)
            ? new(ClickHouseLedgerStore.Open(ClickHouseAddress.Parse(db), credentials ?? LedgerCredentials.None))
            : new(DuckDbLedgerStore.Open(db));
    }

    /// <summary>Checks a server ledger's address without connecting (a file path is not checked).</summary>
    /// <param name="db">The --db value.</param>
    /// <exception cref="Core.Validation.InputException">The clickhouse:// address is malformed (the field is "db").</exception>
    public static void CheckAddress(string db)
    {
        if (IsServer(db))
        {
            _ = ClickHouseAddress.Parse(db);
        }
    }

    /// <summary>Gets whether a --db value names a server ledger (ClickHouse) rather than a file.</summary>
    public static bool IsServer(string db) => db is not null && ClickHouseAddress.Matches(db);

    /// <inheritdoc/>
    public void Dispose() => Store.Dispose();
}
