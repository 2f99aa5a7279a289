using Burnrate.Catalog;
using Burnrate.Ledger.SelfHosted;

namespace Burnrate.Ledger.Reporting;

/// <summary>
/// Puts self-hosted capacity into the margin report: the usage a deployment served costs its share of the deployment's
/// month (<see cref="CostAllocation"/> with <see cref="SelfHostedEngine"/>'s prices, so the shares are those
/// <c>ledger selfhosted</c> shows), in place of the cost its log gave (LiteLLM's spend, usually 0), and each
/// deployment-month's idle capacity becomes cells of its own (docs/ledger.md, "Self-hosted deployments").
/// </summary>
internal static class SelfHostedMargin
{
    /// <summary>Gets the prefix of the key values of idle capacity rows: "(idle: NAME)".</summary>
    public const string IdlePrefix = "(idle: ";

    /// <summary>Gets the assumptions the report adds when deployments are given.</summary>
    public static IReadOnlyList<LedgerAssumption> Assumptions { get; } =
    [
        new("self-hosted cost", "usage a deployment served costs its share of the deployment's capacity in the month (as ledger selfhosted allocates it: the cost model's prefill and decode prices, the month's cost C split as C × w ÷ max(Σw, C)) in place of its logged cost", "docs/ledger.md"),
        new("idle capacity", "each deployment-month's unallocated capacity is a row of its own, \"(idle: NAME)\" for every key but the period, spread evenly over the days the deployment was up; it earns no revenue", "docs/ledger.md"),
        new("routing", "a usage row belongs to the first deployment whose route (provider and/or api_base, any case) matches and whose days include the row's start", "docs/ledger.md"),
    ];

    /// <summary>Returns the cells with self-hosted usage costed from its deployment's capacity, and the idle cells appended.</summary>
    public static List<UsageCell> Apply(LedgerDatabase ledger, BurnrateCatalog catalog, ReportRequest request, List<UsageCell> cells, DateOnly from, DateOnly to)
    {
        IReadOnlyList<SelfHostedDeployment> deployments = request.Deployments;
        var index = deployments.Select((d, i) => (d.Name, i + 1)).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
        var prices = SelfHostedEngine.RunPriced(ledger, catalog, deployments, from, to).Prices
            .ToDictionary(p => (index[p.Deployment], p.Month));
        var result = new List<UsageCell>(cells.Count);
        result.AddRange(cells.Where(c => c.Deployment == 0));
        var served = cells.Where(c => c.Deployment > 0).GroupBy(c => (c.Deployment, c.Month)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (((int deployment, DateOnly month), SelfHostedMonthPrice price) in prices.OrderBy(p => p.Key))
        {
            List<UsageCell> group = served.Remove((deployment, month), out List<UsageCell>? g) ? g : [];
            var weights = group.Select(c => (c.InputTokens * price.PerInputTokenUsd) + (c.OutputTokens * price.PerOutputTokenUsd)).ToList();
            (decimal[] allocated, decimal idle) = CostAllocation.Allocate(price.CostUsd, weights);
            result.AddRange(group.Select((c, i) => c with { CostUsd = allocated[i], UnpricedRequests = 0 }));
            result.AddRange(IdleCells(request.By, price, idle));
        }

        // A cell routed to a deployment-month the engine did not cost cannot occur (both read the same days); keep its logged cost if it did.
        result.AddRange(served.Values.SelectMany(g => g));
        return result;
    }

    // One cell per day up, so a report by day or week shows the idle capacity on the days it was paid for; the last day
    // takes the truncation crumbs, so the cells add up to the month's idle exactly.
    private static IEnumerable<UsageCell> IdleCells(IReadOnlyList<string> by, SelfHostedMonthPrice price, decimal idle)
    {
        if (idle <= 0m || price.Days <= 0)
        {
            yield break;
        }

        string name = IdlePrefix + price.Deployment + ")";
        decimal perDay = Math.Round(idle / price.Days, CostAllocation.Decimals, MidpointRounding.ToZero);
        for (int i = 0; i < price.Days; i++)
        {
            DateOnly day = price.FirstDay.AddDays(i);
            decimal cost = i < price.Days - 1 ? perDay : idle - (perDay * (price.Days - 1));
            string[] key = [.. by.Select(k => ReportKey.IsTime(k) ? ReportKey.TimeLabel(k, day) : name)];
            yield return new UsageCell(key, name, price.Month, 0, 0, 0, cost, 0);
        }
    }
}
