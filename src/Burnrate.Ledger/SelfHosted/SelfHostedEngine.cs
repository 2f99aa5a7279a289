using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Services;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.SelfHosted;

/// <summary>
/// Costs self-hosted deployments month by month and allocates each month's cost to the tokens the deployment served
/// (<see cref="CostAllocation"/>, weights from the cost model's prefill and decode prices), the rest as an idle line,
/// with actual $/1M tokens beside the cost model's prediction (docs/ledger.md, "Self-hosted deployments").
/// </summary>
public static class SelfHostedEngine
{
    private static readonly DateOnly Open = new(9999, 12, 30);

    /// <summary>
    /// Checks that every deployment resolves against the catalog (model and accelerator ids, layout, price), as a server does
    /// when it starts with a deployments file; whether it fits in memory depends on each month's traffic and is checked then.
    /// </summary>
    /// <param name="catalog">The catalog that resolves and prices each deployment.</param>
    /// <param name="deployments">The deployments.</param>
    /// <exception cref="CatalogException">A deployment does not resolve; the message names its file and line.</exception>
    public static void Check(BurnrateCatalog catalog, IReadOnlyList<SelfHostedDeployment> deployments)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(deployments);
        foreach (SelfHostedDeployment d in deployments)
        {
            try
            {
                Burnrate.Catalog.Resolution.DeploymentResolver.Resolve(catalog, d.Deployment);
            }
            catch (Exception e) when (e is InputException or CatalogException)
            {
                throw Located(d, e);
            }
        }
    }

    /// <summary>Runs the self-hosted report.</summary>
    /// <param name="ledger">The ledger holding the deployments' usage.</param>
    /// <param name="catalog">The catalog that resolves and prices each deployment.</param>
    /// <param name="deployments">The deployments (a usage row two of them route is counted by the first).</param>
    /// <param name="from">The first day included (default: each deployment's first).</param>
    /// <param name="to">The last day included (default: each deployment's last, else the ledger's last usage day).</param>
    /// <returns>The report.</returns>
    /// <exception cref="InputException">A day is outside <see cref="LedgerDays"/> or the range is reversed.</exception>
    /// <exception cref="CatalogException">A deployment's ids are unknown, its price missing, or it does not fit in memory.</exception>
    public static SelfHostedReport Run(LedgerDatabase ledger, BurnrateCatalog catalog, IReadOnlyList<SelfHostedDeployment> deployments, DateOnly? from = null, DateOnly? to = null) =>
        RunPriced(ledger, catalog, deployments, from, to).Report;

    /// <summary>Runs the report and keeps, per deployment-month, the capacity cost and the per-token prices its allocation used.</summary>
    internal static (SelfHostedReport Report, List<SelfHostedMonthPrice> Prices) RunPriced(
        LedgerDatabase ledger, BurnrateCatalog catalog, IReadOnlyList<SelfHostedDeployment> deployments, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(deployments);
        InputException.ThrowIfAny(LedgerDays.Validate(from, to));

        ILedgerStore store = ledger.Store;
        DateOnly? lastUsage = store.Query(LedgerSql.UsageSpan(store.Dialect), DbValues.Span)[0].Last;
        var months = new List<SelfHostedMonth>();
        var lines = new List<SelfHostedLine>();
        var prices = new List<SelfHostedMonthPrice>();
        var earlier = new List<string>();
        foreach (SelfHostedDeployment d in deployments)
        {
            string own = RouteConditions(store.Dialect, [d])[0];
            DateOnly first = from is { } f && f > d.From ? f : d.From;
            DateOnly? last = Min(Min(d.To, to) ?? lastUsage, to);
            if (last is not { } end || end < first)
            {
                earlier.Add(own);
                continue;
            }

            string condition = earlier.Count == 0 ? own : $"{own} AND NOT ({string.Join(" OR ", earlier)})";
            earlier.Add(own);
            var served = store.Query(LedgerSql.RoutedUsage(store.Dialect, condition, Start(first), Start(end.AddDays(1))), r => new Served(
                DbValues.Date(r, 0)!.Value, r.GetString(1), DbValues.Count(r, 2), DbValues.Count(r, 3), DbValues.Count(r, 4)));
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= end; month = month.AddMonths(1))
            {
                DateOnly upFrom = first > month ? first : month;
                DateOnly upTo = end.AddDays(1) < month.AddMonths(1) ? end.AddDays(1) : month.AddMonths(1);
                var inMonth = served.Where(s => s.Month == month).OrderBy(s => s.Customer, StringComparer.Ordinal).ToList();
                months.Add(Month(catalog, d, month, upFrom, upTo.DayNumber - upFrom.DayNumber, inMonth, lines, prices));
            }
        }

        return (new SelfHostedReport(months, lines, Assumptions), prices);
    }

    /// <summary>Gets the routing condition of each deployment, in file order: a usage row is the first matching one's traffic.</summary>
    internal static IReadOnlyList<string> RouteConditions(SqlDialect dialect, IReadOnlyList<SelfHostedDeployment> deployments) =>
        [.. deployments.Select(d => LedgerSql.RouteCondition(dialect, d.Routes.Select(r => (r.Provider, r.ApiBase)), Start(d.From), Start((d.To ?? Open).AddDays(1))))];

    private static SelfHostedMonth Month(
        BurnrateCatalog catalog, SelfHostedDeployment d, DateOnly month, DateOnly firstDay, int days, List<Served> served, List<SelfHostedLine> lines, List<SelfHostedMonthPrice> prices)
    {
        int hours = days * 24;
        long requests = served.Sum(s => s.Requests), input = served.Sum(s => s.InputTokens), output = served.Sum(s => s.OutputTokens);
        int? meanInput = requests > 0 ? (int)Math.Clamp(Math.Round((double)input / requests), 1, 10_000_000) : null;
        int? meanOutput = requests > 0 ? (int)Math.Clamp(Math.Round((double)output / requests), 1, 10_000_000) : null;
        InferReport predicted = Predict(catalog, d, meanInput, meanOutput);
        decimal perInputToken = (decimal)predicted.CostPerMillionInputTokensUsd!.Value / 1_000_000m;
        decimal perOutputToken = (decimal)predicted.CostPerMillionOutputTokensUsd!.Value / 1_000_000m;
        decimal cost = Math.Round((decimal)predicted.CostPerHourUsd!.Value * hours, 2, MidpointRounding.AwayFromZero);
        var weights = served.Select(s => (s.InputTokens * perInputToken) + (s.OutputTokens * perOutputToken)).ToList();
        (decimal[] allocated, decimal idle) = CostAllocation.Allocate(cost, weights);
        string label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        lines.AddRange(served.Select((s, i) => new SelfHostedLine(d.Name, label, s.Customer, s.Requests, s.InputTokens, s.OutputTokens, new Money(allocated[i]))));
        lines.Add(new SelfHostedLine(d.Name, label, SelfHostedLine.Idle, 0, 0, 0, new Money(idle)));
        prices.Add(new SelfHostedMonthPrice(d.Name, month, firstDay, days, cost, perInputToken, perOutputToken));
        decimal modelled = weights.Sum();
        long tokens = input + output;
        return new SelfHostedMonth
        {
            Deployment = d.Name,
            Month = label,
            Model = predicted.Model,
            Gpu = predicted.Gpu,
            Gpus = predicted.Gpus,
            GpuHours = (double)predicted.Gpus * hours,
            CostUsd = new Money(cost),
            AllocatedUsd = new Money(cost - idle),
            IdleUsd = new Money(idle),
            Utilization = cost > 0 ? (double)Math.Min(1m, modelled / cost) : null,
            Requests = requests,
            InputTokens = input,
            OutputTokens = output,
            ActualUsdPerMillionTokens = tokens > 0 ? Math.Round(cost / tokens * 1_000_000m, 6, MidpointRounding.AwayFromZero) : null,
            PredictedUsdPerMillionTokens = tokens > 0 ? (double)(modelled / tokens * 1_000_000m) : null,
            PredictedInputUsdPerMillionTokens = tokens > 0 ? predicted.CostPerMillionInputTokensUsd : null,
            PredictedOutputUsdPerMillionTokens = tokens > 0 ? predicted.CostPerMillionOutputTokensUsd : null,
            PredictionInputTokens = meanInput,
            PredictionOutputTokens = meanOutput,
            PredictionConcurrency = predicted.Concurrency,
        };
    }

    /// <summary>Runs <c>infer</c> (the library's use case) on the deployment for the month's mean request shape.</summary>
    private static InferReport Predict(BurnrateCatalog catalog, SelfHostedDeployment d, int? input, int? output)
    {
        InferReport report;
        try
        {
            report = InferService.Run(catalog, new InferRequest { Deployment = d.Deployment, InputTokens = input, OutputTokens = output, Concurrency = d.Concurrency });
        }
        catch (Exception e) when (e is InputException or CatalogException)
        {
            throw Located(d, e);
        }

        return report.FitsInMemory && report.CostPerHourUsd is not null
            ? report
            : throw new CatalogException($"{d.Location}: deployment '{d.Name}': {report.Label} does not fit in memory at concurrency {report.Concurrency.ToString(CultureInfo.InvariantCulture)} "
                + $"with {report.InputTokens.ToString(CultureInfo.InvariantCulture)} input and {report.OutputTokens.ToString(CultureInfo.InvariantCulture)} output tokens a request; lower 'concurrency' or add GPUs");
    }

    // A deployment's error names its file and line and the deployment, then what the resolver or cost model said.
    private static CatalogException Located(SelfHostedDeployment d, Exception e) => new($"{d.Location}: deployment '{d.Name}': {e.Message}", e);

    private static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Served(DateOnly Month, string Customer, long Requests, long InputTokens, long OutputTokens);

    private static readonly IReadOnlyList<LedgerAssumption> Assumptions =
    [
        new("capacity cost", "the cost model's cost per hour of the deployment (infer: GPUs × $/GPU-hour, or owned TCO with power) × the hours it was up in the month (whole UTC days from 'from' to 'to'), to the cent", "docs/ledger.md"),
        new("routing", "a usage row belongs to the first deployment whose route (provider and/or api_base, any case) matches and whose days include the row's start", "docs/ledger.md"),
        new("allocation", "each customer's tokens are weighted by the cost model's prefill ($/1M input) and decode ($/1M output) prices for the month's mean request shape; the month's cost C is split as C × w ÷ max(Σw, C) and the rest is the idle line", "docs/ledger.md"),
        new("actual $/1M tokens", "the month's capacity cost, idle included, ÷ (input + output tokens served) × 1e6; predicted: the cost model's price of the same tokens with the deployment fully busy", "docs/ledger.md"),
    ];
}

/// <summary>A deployment-month's capacity cost, the days it was up, and the cost model's per-token prices its allocation used.</summary>
internal sealed record SelfHostedMonthPrice(string Deployment, DateOnly Month, DateOnly FirstDay, int Days, decimal CostUsd, decimal PerInputTokenUsd, decimal PerOutputTokenUsd);
