using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Reporting;

/// <summary>Reconciles computed usage cost with provider bills, per day and provider, for the providers that have bills.</summary>
public static class ReconcileEngine
{
    /// <summary>Runs the reconciliation over the days given (default: every billed day).</summary>
    public static ReconcileReport Run(LedgerDatabase ledger, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Core.Validation.InputException.ThrowIfAny(LedgerDays.Validate(from, to));
        ILedgerStore store = ledger.Store;
        var span = store.Query(LedgerSql.BilledSpan(store.Dialect), DbValues.Span)[0];
        DateOnly? first = from ?? span.First, last = to ?? span.Last;
        if (first is null || last is null)
        {
            return new ReconcileReport([], []);
        }

        DateTime start = first.Value.ToDateTime(TimeOnly.MinValue), end = last.Value.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var billed = store.Query(LedgerSql.BilledByDay(store.Dialect, start, end), r => (Day: DbValues.Date(r, 0)!.Value, Provider: r.GetString(1), Usd: DbValues.Money(r, 2)));

        // Providers match without regard to case ("OpenAI" on a FOCUS bill is LiteLLM's "openai"); a row shows the
        // bill's spelling (the ordinally first when a provider's bills spell it several ways).
        var names = billed.Select(b => b.Provider).Order(StringComparer.Ordinal)
            .GroupBy(p => p, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var computed = store.Query(LedgerSql.UsageCostByDay(store.Dialect, start, end), r => (Day: DbValues.Date(r, 0)!.Value, Provider: r.GetString(1), Usd: DbValues.Money(r, 2)))
            .Where(c => names.ContainsKey(c.Provider));
        var cells = new SortedDictionary<(DateOnly Day, string Provider), (decimal Computed, decimal Billed)>(
            Comparer<(DateOnly Day, string Provider)>.Create((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : string.CompareOrdinal(a.Provider, b.Provider)));
        foreach (var c in computed)
        {
            var key = (c.Day, names[c.Provider]);
            cells.TryGetValue(key, out var v);
            cells[key] = (v.Computed + c.Usd, v.Billed);
        }

        foreach (var b in billed)
        {
            var key = (b.Day, names[b.Provider]);
            cells.TryGetValue(key, out var v);
            cells[key] = (v.Computed, v.Billed + b.Usd);
        }

        var rows = cells.Select(kv => Row(kv.Key.Item1, kv.Key.Item2, kv.Value.Computed, kv.Value.Billed)).ToList();
        var totals = rows.GroupBy(r => r.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(null, g.Key, g.Sum(r => r.ComputedUsd.Usd), g.Sum(r => r.BilledUsd.Usd))).ToList();
        return new ReconcileReport(rows, totals);
    }

    private static ReconcileRow Row(DateOnly? day, string provider, decimal computed, decimal billed) =>
        new(day, provider, new Money(computed), new Money(billed), new Money(billed - computed));
}
