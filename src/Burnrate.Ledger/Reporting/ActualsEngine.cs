using System.Globalization;
using Burnrate.Ledger.Import;
using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Reporting;

/// <summary>Monthly tokens, revenue by kind and cost by provider: the history a plan starts from.</summary>
public static class ActualsEngine
{
    /// <summary>Gets the ledger's months, oldest first, every month between the first and last present.</summary>
    public static ActualsReport Run(LedgerDatabase ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ILedgerStore store = ledger.Store;
        var usage = store.Query(LedgerSql.UsageByMonth(store.Dialect), r => (Month: DbValues.Date(r, 0)!.Value, Provider: r.GetString(1),
            Requests: DbValues.Count(r, 2), Input: DbValues.Count(r, 3), Output: DbValues.Count(r, 4), Cost: DbValues.Money(r, 5)));
        var revenue = store.Query(LedgerSql.RevenueByMonth(store.Dialect), r => (Month: DbValues.Date(r, 0)!.Value, Kind: r.GetString(1), Usd: DbValues.Money(r, 2)));
        var months = usage.Select(u => u.Month).Concat(revenue.Select(r => r.Month)).ToList();
        if (months.Count == 0)
        {
            return new ActualsReport([]);
        }

        var result = new List<ActualMonth>();
        for (DateOnly m = months.Min(), last = months.Max(); m <= last; m = m.AddMonths(1))
        {
            var u = usage.Where(x => x.Month == m).ToList();
            var byKind = RevenueCsvReader.Kinds.ToDictionary(k => k, k => new Money(revenue.Where(x => x.Month == m && x.Kind == k).Sum(x => x.Usd)), StringComparer.Ordinal);
            var byProvider = u.GroupBy(x => x.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new Money(g.Sum(x => x.Cost)), StringComparer.Ordinal);
            long input = u.Sum(x => x.Input), output = u.Sum(x => x.Output);
            result.Add(new ActualMonth(
                m.ToString("yyyy-MM", CultureInfo.InvariantCulture), u.Sum(x => x.Requests), input, output, input + output,
                new Money(byKind.Values.Sum(v => v.Usd)), byKind, new Money(u.Sum(x => x.Cost)), byProvider));
        }

        return new ActualsReport(result);
    }
}
