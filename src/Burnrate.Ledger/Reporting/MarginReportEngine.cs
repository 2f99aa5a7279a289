using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Reporting;

/// <summary>Cost, revenue and gross margin by customer, feature, model, provider or period (docs/ledger.md).</summary>
public static class MarginReportEngine
{
    /// <summary>Runs a margin report.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="request">What to group by and over which days.</param>
    /// <returns>The report.</returns>
    /// <exception cref="Core.Validation.InputException">The request is invalid (every problem in one message).</exception>
    public static MarginReport Run(LedgerDatabase ledger, ReportRequest request) => Run(ledger, request, null);

    /// <summary>Runs a margin report, self-hosted usage at its share of the capacity that served it.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="request">What to group by, over which days, and the self-hosted deployments (<see cref="ReportRequest.Deployments"/>).</param>
    /// <param name="catalog">The catalog that resolves and prices the deployments (required when there are any).</param>
    /// <returns>The report.</returns>
    /// <exception cref="Core.Validation.InputException">The request is invalid (every problem in one message).</exception>
    /// <exception cref="Catalog.CatalogException">A deployment's ids are unknown, its price missing, or it does not fit in memory.</exception>
    public static MarginReport Run(LedgerDatabase ledger, ReportRequest request, Catalog.BurnrateCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        Core.Validation.InputException.ThrowIfAny(request.Validate());
        if (request.Deployments.Count > 0 && catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog), "Self-hosted deployments need the catalog that prices them.");
        }

        ILedgerStore store = ledger.Store;
        (DateOnly? from, DateOnly? to) = LedgerSpan.Resolve(store, request.From, request.To);
        if (from is null || to is null)
        {
            return new MarginReport(request.By, null, null, [], MarginFigures.From(0, 0, 0, Money.Zero, Money.Zero, 0), [], AssumptionsFor(request));
        }

        DateOnly end = to.Value.AddDays(1);
        IReadOnlyList<string>? routes = request.Deployments.Count > 0 ? SelfHosted.SelfHostedEngine.RouteConditions(store.Dialect, request.Deployments) : null;
        List<UsageCell> cells = ReadCells(store, request.By, from.Value, end, routes);
        if (routes is not null)
        {
            cells = SelfHostedMargin.Apply(ledger, catalog!, request, cells, from.Value, to.Value);
        }

        // Engines return groups in any order (DuckDB's parallel aggregation, ClickHouse's shards); revenue shares are
        // 28-digit decimals whose last digit depends on the order they are added in, so fix the order first.
        cells.Sort(static (a, b) => (string.CompareOrdinal(string.Join('\u001f', a.Key), string.Join('\u001f', b.Key)), string.CompareOrdinal(a.Customer, b.Customer), a.Month.CompareTo(b.Month), a.Deployment.CompareTo(b.Deployment))
            .CompareTo((0, 0, 0, 0)));
        var revenue = store.Query(LedgerSql.RevenueCells(store.Dialect, from.Value, end),
            r => (Customer: r.GetString(0), Date: DbValues.Date(r, 1)!.Value, AmountUsd: DbValues.Money(r, 3)));
        revenue.Sort((a, b) => (a.Customer, a.Date, a.AmountUsd).CompareTo((b.Customer, b.Date, b.AmountUsd)));
        List<UsageCell> unabsorbed = RevenueAllocation.Allocate(request.By, cells, revenue);

        var rows = cells.Concat(unabsorbed)
            .GroupBy(c => string.Join('\u001f', c.Key), StringComparer.Ordinal)
            .Select(g => MarginRow.Of(KeyOf(request.By, g.First().Key), Sum(g)))
            .OrderBy(r => string.Join('\u001f', request.By.Select(k => r.Key[k])), StringComparer.Ordinal)
            .ToList();
        MarginFigures totals = MarginFigures.From(
            cells.Sum(c => c.Requests), cells.Sum(c => c.InputTokens), cells.Sum(c => c.OutputTokens),
            new Money(cells.Sum(c => c.CostUsd)), new Money(revenue.Sum(r => r.AmountUsd)), cells.Sum(c => c.UnpricedRequests));
        var losers = rows.Where(r => r.GrossMarginUsd.Usd < 0).OrderBy(r => r.GrossMarginUsd).Take(request.TopLossMakers).ToList();
        return new MarginReport(request.By, from, to, rows, totals, losers, AssumptionsFor(request));
    }

    private static List<UsageCell> ReadCells(ILedgerStore store, IReadOnlyList<string> by, DateOnly from, DateOnly end, IReadOnlyList<string>? routes)
    {
        var expressions = by.Select(k => ReportKey.Expression(store.Dialect, k)).ToList();
        string sql = LedgerSql.UsageCells(store.Dialect, expressions, from.ToDateTime(TimeOnly.MinValue), end.ToDateTime(TimeOnly.MinValue), routes);
        int n = by.Count;
        return store.Query(sql, r => new UsageCell(
            [.. by.Select((k, i) => ReportKey.IsTime(k) ? ReportKey.TimeLabel(k, DbValues.Date(r, i)!.Value) : r.GetString(i))],
            r.GetString(n),
            DbValues.Date(r, n + 1)!.Value,
            DbValues.Count(r, n + 2), DbValues.Count(r, n + 3), DbValues.Count(r, n + 4),
            DbValues.Money(r, n + 5),
            DbValues.Count(r, n + 6)) { Deployment = (int)DbValues.Count(r, n + 7) });
    }

    private static Dictionary<string, string> KeyOf(IReadOnlyList<string> by, string[] values) =>
        by.Select((k, i) => (k, values[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);

    private static MarginFigures Sum(IEnumerable<UsageCell> cells)
    {
        long requests = 0, input = 0, output = 0, unpriced = 0;
        decimal cost = 0m, revenue = 0m;
        foreach (UsageCell c in cells)
        {
            requests += c.Requests;
            input += c.InputTokens;
            output += c.OutputTokens;
            unpriced += c.UnpricedRequests;
            cost += c.CostUsd;
            revenue += c.RevenueUsd;
        }

        return MarginFigures.From(requests, input, output, new Money(cost), new Money(revenue), unpriced);
    }

    private static IReadOnlyList<LedgerAssumption> AssumptionsFor(ReportRequest request) =>
        request.Deployments.Count == 0 ? Assumptions : [.. Assumptions, .. SelfHostedMargin.Assumptions];

    private static readonly IReadOnlyList<LedgerAssumption> Assumptions =
    [
        new("cost", "each usage row's cost as its source gave it (LiteLLM spend), else usage × the price list given at import", "docs/ledger.md"),
        new("revenue attribution", "a customer's revenue in a month is spread over that customer's usage in the month by tokens (input + output); revenue in a month without usage stays on a \"(no usage)\" row", "docs/ledger.md"),
        new("feature", "a request's tags, sorted and comma-joined, so each request counts once", "docs/ledger.md"),
        new("gross margin", "(revenue − cost of serving) ÷ revenue", "docs/ledger.md"),
    ];
}
