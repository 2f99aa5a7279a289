using DuckDB.NET.Data;

namespace Burnrate.Ledger.Store;

/// <summary>Writes a ledger row's values into one row of DuckDB's Appender.</summary>
internal interface IAppenderRowWriter : IRowWriter
{
    /// <summary>Starts writing into an appender row.</summary>
    void Begin(IDuckDBAppenderRow row);

    /// <summary>Ends the row (after the ledger row has written every value).</summary>
    void End();
}
