namespace Burnrate.Ledger.Reporting;

/// <summary>Usage totals of one report key combination for one customer in one month (the unit revenue is allocated over).</summary>
internal sealed record UsageCell(string[] Key, string Customer, DateOnly Month, long Requests, long InputTokens, long OutputTokens, decimal CostUsd, long UnpricedRequests)
{
    /// <summary>Gets or sets the revenue allocated to the cell.</summary>
    public decimal RevenueUsd { get; set; }

    /// <summary>Gets the 1-based index of the self-hosted deployment that served the cell's usage (0: none, or none given).</summary>
    public int Deployment { get; init; }
}
