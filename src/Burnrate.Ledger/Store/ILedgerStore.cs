using System.Data;

namespace Burnrate.Ledger.Store;

/// <summary>A ledger database: DuckDB embedded today; the same queries run on any engine with a <see cref="SqlDialect"/>.</summary>
internal interface ILedgerStore : IDisposable
{
    /// <summary>Gets the engine's SQL dialect.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Gets a description of where the store lives (a file path or URL), for messages.</summary>
    string Location { get; }

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    long Execute(string sql);

    /// <summary>Runs statements as one unit: all applied or none (one transaction where the engine has them).</summary>
    void ExecuteAtomically(IReadOnlyList<string> statements);

    /// <summary>Runs a query and maps each row.</summary>
    List<T> Query<T>(string sql, Func<IDataRecord, T> map);

    /// <summary>Runs a query and maps each row as it is read (a whole table, for a migration), without holding the answer.</summary>
    IEnumerable<T> Stream<T>(string sql, Func<IDataRecord, T> map);

    /// <summary>Tunes the engine for loading a file until the returned handle is disposed.</summary>
    /// <returns>Disposing it puts the engine's settings back.</returns>
    IDisposable BulkLoad();

    /// <summary>
    /// Inserts the rows whose ids the table does not hold yet, all in one transaction (a crash leaves none of them),
    /// and returns how many were new.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="rows">The rows, their ids distinct.</param>
    /// <param name="knownNew">The caller knows the table holds none of the ids (it was empty when the file began and no
    /// earlier batch of the file had them), so the lookup of existing ids is skipped.</param>
    long InsertNew<TRow>(LedgerTable table, IReadOnlyList<TRow> rows, bool knownNew = false)
        where TRow : ILedgerRow;
}
