namespace Burnrate.Planning.Scenario;

/// <summary>A revenue stream; driver fields are indices into <see cref="PlanScenario.Drivers"/>.</summary>
/// <param name="Name">The stream's name.</param>
/// <param name="Kind">Usage or subscription.</param>
/// <param name="Volume">Usage: tokens in the first month; subscription: customers in the first month.</param>
/// <param name="MonthlyGrowth">Growth of the volume per month (fraction).</param>
/// <param name="MonthlyChurn">Subscription: customers lost per month (fraction); -1 for usage.</param>
/// <param name="Price">Usage: USD per million tokens; subscription: USD per customer per month.</param>
/// <param name="AnnualPriceChange">Price change per year (fraction), applied smoothly.</param>
/// <param name="TokensPerCustomer">Subscription: tokens served per customer per month; -1 for usage.</param>
public sealed record RevenueSource(string Name, RevenueKind Kind, int Volume, int MonthlyGrowth, int MonthlyChurn, int Price, int AnnualPriceChange, int TokensPerCustomer);
