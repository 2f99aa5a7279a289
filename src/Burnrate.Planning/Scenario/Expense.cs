namespace Burnrate.Planning.Scenario;

/// <summary>A dated expense or inflow: training run, capex item or funding round; driver fields are indices into <see cref="PlanScenario.Drivers"/>.</summary>
/// <param name="Name">The name.</param>
/// <param name="Month">The month index (0 = the start month).</param>
/// <param name="Amount">The amount in USD.</param>
/// <param name="Extra">Capex: depreciation years; funding: probability; training: -1.</param>
public sealed record Expense(string Name, int Month, int Amount, int Extra);
