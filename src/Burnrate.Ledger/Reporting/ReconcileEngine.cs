using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Reporting;

/// <summary>Reconciles computed usage cost with provider bills, per day and provider, for the providers that have bills.</summary>
public static class ReconcileEngine
{
    /// <summary>Runs the reconciliation over the days given (default: every billed day).</summary>
    public static ReconcileReport Run(LedgerDatabase ledger, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ILedgerStore store = ledger.Store;
        var span = store.Query(LedgerSql.BilledSpan(), r => (First: DbValues.Date(r, 0), Last: DbValues.Date(r, 1)))[0];
        DateOnly? first = from ?? span.First, last = to ?? span.Last;
        if (first is null || last is null)
        {
            return new ReconcileReport([], []);
        }

        DateTime start = first.Value.ToDateTime(TimeOnly.MinValue), end = last.Value.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var billed = store.Query(LedgerSql.BilledByDay(store.Dialect, start, end), r => (Day: DbValues.Date(r, 0)!.Value, Provider: r.GetString(1), Usd: DbValues.Money(r, 2)));
        var providers = billed.Select(b => b.Provider).ToHashSet(StringComparer.Ordinal);
        var computed = store.Query(LedgerSql.UsageCostByDay(store.Dialect, start, end), r => (Day: DbValues.Date(r, 0)!.Value, Provider: r.GetString(1), Usd: DbValues.Money(r, 2)))
            .Where(c => providers.Contains(c.Provider));
        var cells = new SortedDictionary<(DateOnly, string), (decimal Computed, decimal Billed)>();
        foreach (var c in computed)
        {
            cells[(c.Day, c.Provider)] = (c.Usd, 0m);
        }

        foreach (var b in billed)
        {
            cells.TryGetValue((b.Day, b.Provider), out var v);
            cells[(b.Day, b.Provider)] = (v.Computed, v.Billed + b.Usd);
        }

        var rows = cells.Select(kv => Row(kv.Key.Item1, kv.Key.Item2, kv.Value.Computed, kv.Value.Billed)).ToList();
        var totals = rows.GroupBy(r => r.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(null, g.Key, g.Sum(r => r.ComputedUsd.Usd), g.Sum(r => r.BilledUsd.Usd))).ToList();
        return new ReconcileReport(rows, totals);
    }

    private static ReconcileRow Row(DateOnly? day, string provider, decimal computed, decimal billed) =>
        new(day, provider, new Money(computed), new Money(billed), new Money(billed - computed));
}
