using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Reporting;

/// <summary>The days a ledger covers, used when a request leaves --from or --to out.</summary>
internal static class LedgerSpan
{
    /// <summary>Gets the requested range, filling missing ends from the first and last usage or revenue day.</summary>
    public static (DateOnly? From, DateOnly? To) Resolve(ILedgerStore store, DateOnly? from, DateOnly? to)
    {
        if (from is not null && to is not null)
        {
            return (from, to);
        }

        var usage = store.Query(LedgerSql.UsageSpan(store.Dialect), DbValues.Span)[0];
        var revenue = store.Query(LedgerSql.RevenueSpan(store.Dialect), DbValues.Span)[0];
        DateOnly? first = Min(usage.First, revenue.First);
        DateOnly? last = Max(usage.Last, revenue.Last);
        return (from ?? first, to ?? last);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
