using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Import;

/// <summary>One revenue line: what a customer paid (or was credited or refunded) on a date.</summary>
internal readonly record struct RevenueRow : ILedgerRow
{
    /// <inheritdoc/>
    public required Guid RowId { get; init; }

    /// <summary>Gets the date the revenue is booked on.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Gets the customer.</summary>
    public required string Customer { get; init; }

    /// <summary>Gets the signed amount in USD (credits and refunds negative).</summary>
    public required decimal AmountUsd { get; init; }

    /// <summary>Gets the kind: subscription, usage, credit or refund.</summary>
    public required string Kind { get; init; }

    /// <inheritdoc/>
    public void Write<TWriter>(TWriter writer)
        where TWriter : IRowWriter
    {
        writer.Id(RowId);
        writer.Date(Date);
        writer.Text(Customer);
        writer.Money(AmountUsd);
        writer.Text(Kind);
    }
}
