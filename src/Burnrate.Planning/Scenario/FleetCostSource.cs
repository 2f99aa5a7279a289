namespace Burnrate.Planning.Scenario;

/// <summary>The <c>costs.inference.from: {fleet: FILE}</c> mapping.</summary>
/// <param name="Path">The fleet file, resolved against the scenario file's folder.</param>
/// <param name="Start">The plan's first month.</param>
/// <param name="Months">The plan's horizon in months.</param>
/// <param name="Location">Where the mapping is (file:line:column), for errors.</param>
public sealed record FleetCostSource(string Path, DateOnly Start, int Months, string Location);
