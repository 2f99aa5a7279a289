namespace Burnrate.Ledger.Reporting;

/// <summary>
/// Attributes revenue to report cells. A customer's revenue in a month is spread over that customer's usage cells in
/// the same month in proportion to their tokens (input + output; by requests when no tokens, equally when neither), so
/// a by-model or by-feature report shows which models and features earn it. Revenue in a month without usage stays on
/// its own row ("(no usage)" for non-customer, non-period keys), so the totals always equal the revenue booked.
/// </summary>
internal static class RevenueAllocation
{
    /// <summary>The key value of revenue that no usage absorbed.</summary>
    public const string NoUsage = "(no usage)";

    /// <summary>Allocates the revenue lines to the cells; returns the revenue rows no cell absorbed, keyed like cells.</summary>
    public static List<UsageCell> Allocate(IReadOnlyList<string> by, List<UsageCell> cells, IEnumerable<(string Customer, DateOnly Date, decimal AmountUsd)> revenue)
    {
        var byCustomerMonth = cells.GroupBy(c => (c.Customer, c.Month)).ToDictionary(g => g.Key, g => g.ToList());
        var unabsorbed = new List<UsageCell>();
        foreach ((string customer, DateOnly date, decimal amount) in revenue)
        {
            var month = new DateOnly(date.Year, date.Month, 1);
            if (byCustomerMonth.TryGetValue((customer, month), out List<UsageCell>? group))
            {
                Spread(group, amount);
                continue;
            }

            string[] key = [.. by.Select(k => k switch
            {
                "customer" => customer,
                _ when ReportKey.IsTime(k) => ReportKey.TimeLabel(k, date),
                _ => NoUsage,
            })];
            unabsorbed.Add(new UsageCell(key, customer, month, 0, 0, 0, 0m, 0) { RevenueUsd = amount });
        }

        return unabsorbed;
    }

    private static void Spread(List<UsageCell> group, decimal amount)
    {
        decimal tokens = group.Sum(c => (decimal)c.InputTokens + c.OutputTokens);
        decimal requests = group.Sum(c => (decimal)c.Requests);
        foreach (UsageCell cell in group)
        {
            decimal share = tokens > 0 ? (cell.InputTokens + (decimal)cell.OutputTokens) / tokens
                : requests > 0 ? cell.Requests / requests
                : 1m / group.Count;
            cell.RevenueUsd += amount * share;
        }
    }
}
