namespace Burnrate.Ledger.Reporting;

/// <summary>Cost, revenue and gross margin grouped by the requested keys (JSON contract of <c>ledger report --json</c>).</summary>
/// <param name="By">The keys grouped by.</param>
/// <param name="From">The first day covered (null for an empty ledger).</param>
/// <param name="To">The last day covered.</param>
/// <param name="Rows">One row per key combination, sorted by key.</param>
/// <param name="Totals">The sums over every row (revenue without usage included).</param>
/// <param name="LossMakers">The rows with the most negative gross margin, worst first.</param>
/// <param name="Assumptions">How cost and revenue were attributed.</param>
public sealed record MarginReport(
    IReadOnlyList<string> By, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] DateOnly? From, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] DateOnly? To, IReadOnlyList<MarginRow> Rows, MarginFigures Totals,
    IReadOnlyList<MarginRow> LossMakers, IReadOnlyList<LedgerAssumption> Assumptions);

/// <summary>One row of a margin report: its key values and its figures (the fields of <see cref="MarginFigures"/>).</summary>
/// <param name="Key">The row's key values by key name (periods as YYYY-MM-DD, or YYYY-MM for month).</param>
/// <param name="Requests">Requests served.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="CostUsd">Cost of serving.</param>
/// <param name="RevenueUsd">Revenue attributed to the row.</param>
/// <param name="GrossMarginUsd">Revenue − cost.</param>
/// <param name="GrossMarginPercent">(Revenue − cost) ÷ revenue × 100; null without revenue.</param>
/// <param name="UnpricedRequests">Requests with no cost from the source and no price.</param>
public sealed record MarginRow(
    IReadOnlyDictionary<string, string> Key, long Requests, long InputTokens, long OutputTokens, Money CostUsd, Money RevenueUsd,
    Money GrossMarginUsd, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] decimal? GrossMarginPercent, long UnpricedRequests)
{
    /// <summary>Gets the row's figures.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MarginFigures Figures => new(Requests, InputTokens, OutputTokens, CostUsd, RevenueUsd, GrossMarginUsd, GrossMarginPercent, UnpricedRequests);

    /// <summary>Creates a row from its key and figures.</summary>
    public static MarginRow Of(IReadOnlyDictionary<string, string> key, MarginFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(key, f.Requests, f.InputTokens, f.OutputTokens, f.CostUsd, f.RevenueUsd, f.GrossMarginUsd, f.GrossMarginPercent, f.UnpricedRequests);
    }
}

/// <summary>Usage, cost, revenue and margin of a group.</summary>
/// <param name="Requests">Requests served.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="CostUsd">Cost of serving (usage rows' cost; unpriced rows count 0 and are counted in <paramref name="UnpricedRequests"/>).</param>
/// <param name="RevenueUsd">Revenue attributed to the group.</param>
/// <param name="GrossMarginUsd">Revenue − cost.</param>
/// <param name="GrossMarginPercent">(Revenue − cost) ÷ revenue × 100, rounded to 0.01; null without revenue.</param>
/// <param name="UnpricedRequests">Requests with no cost from the source and no price.</param>
public sealed record MarginFigures(
    long Requests, long InputTokens, long OutputTokens, Money CostUsd, Money RevenueUsd, Money GrossMarginUsd, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] decimal? GrossMarginPercent, long UnpricedRequests)
{
    /// <summary>Gets the figures of a group from its sums (margin and percent derived here, once).</summary>
    public static MarginFigures From(long requests, long inputTokens, long outputTokens, Money cost, Money revenue, long unpriced)
    {
        Money margin = revenue - cost;
        decimal? percent = revenue.Usd == 0 ? null : Math.Round(margin.Usd / revenue.Usd * 100m, 2, MidpointRounding.AwayFromZero);
        return new(requests, inputTokens, outputTokens, cost, revenue, margin, percent, unpriced);
    }
}

/// <summary>A named assumption shown with a result.</summary>
/// <param name="Name">What is assumed.</param>
/// <param name="Value">The value or rule.</param>
/// <param name="Source">Where it comes from or how to change it.</param>
public sealed record LedgerAssumption(string Name, string Value, string Source);
