namespace Burnrate.Planning.Actuals;

/// <summary>Measured months a scenario starts from (<c>actuals: {ledger: PATH}</c>), oldest first.</summary>
/// <param name="Source">Where the history comes from (the ledger file).</param>
/// <param name="Months">The months, consecutive, oldest first.</param>
public sealed record ActualsHistory(string Source, IReadOnlyList<ActualsMonth> Months);

/// <summary>One measured month.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Tokens">Tokens served (input + output).</param>
/// <param name="RevenueUsd">Revenue, USD.</param>
/// <param name="RevenueUsdByKind">Revenue by kind (subscription, usage, credit, refund), USD.</param>
/// <param name="CostUsd">Cost of serving, USD.</param>
public sealed record ActualsMonth(DateOnly Month, double Tokens, double RevenueUsd, IReadOnlyDictionary<string, double> RevenueUsdByKind, double CostUsd);
