namespace Burnrate.Ledger.Store;

/// <summary>A row that knows its table and how to write its values in that table's column order.</summary>
internal interface ILedgerRow
{
    /// <summary>Gets the row id (the idempotency key: a hash of the source's request id, or of the row's content).</summary>
    Guid RowId { get; }

    /// <summary>Writes the row's values.</summary>
    /// <typeparam name="TWriter">The engine's writer.</typeparam>
    /// <param name="writer">Where the values go.</param>
    void Write<TWriter>(TWriter writer)
        where TWriter : IRowWriter;
}
