namespace Burnrate.Ledger.Reporting;

/// <summary>The ledger's history month by month, for planning (JSON contract of <c>ledger actuals --json</c>).</summary>
/// <param name="Months">Every month with usage or revenue, oldest first (gaps filled with zeros).</param>
public sealed record ActualsReport(IReadOnlyList<ActualMonth> Months);

/// <summary>One month of actuals.</summary>
/// <param name="Month">The month, YYYY-MM.</param>
/// <param name="Requests">Requests served.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Tokens">Input + output tokens.</param>
/// <param name="RevenueUsd">Total revenue (credits and refunds negative).</param>
/// <param name="RevenueUsdByKind">Revenue by kind: subscription, usage, credit, refund.</param>
/// <param name="CostUsd">Total cost of serving.</param>
/// <param name="CostUsdByProvider">Cost of serving by provider.</param>
public sealed record ActualMonth(
    string Month, long Requests, long InputTokens, long OutputTokens, long Tokens, Money RevenueUsd,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(MoneyByKeyJsonConverter))] IReadOnlyDictionary<string, Money> RevenueUsdByKind,
    Money CostUsd,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(MoneyByKeyJsonConverter))] IReadOnlyDictionary<string, Money> CostUsdByProvider);
