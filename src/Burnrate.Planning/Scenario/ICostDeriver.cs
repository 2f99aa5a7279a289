using Burnrate.Core.Quantities;

namespace Burnrate.Planning.Scenario;

/// <summary>
/// Derives scenario costs from the first-principles cost model (<c>from:</c> in a scenario file). Planning defines the seam;
/// the CLI supplies an implementation backed by the train/infer estimators.
/// </summary>
public interface ICostDeriver
{
    /// <summary>Gets the cost of serving one million tokens for <c>costs.inference.from</c>.</summary>
    /// <param name="source">The fields of the <c>from:</c> mapping.</param>
    /// <returns>The cost per million tokens.</returns>
    UsdPerMillionTokens DeriveInferenceCostPerMillionTokens(InferenceCostSource source);

    /// <summary>Gets the cost of a training run for <c>costs.training[].from</c>.</summary>
    /// <param name="source">The fields of the <c>from:</c> mapping.</param>
    /// <returns>The cost of the run.</returns>
    Usd DeriveTrainingCostUsd(TrainingCostSource source);

    /// <summary>
    /// Gets the cost per million tokens for each month of the plan from a fleet file (<c>costs.inference.from: {fleet: FILE}</c>):
    /// the cheapest fleet's monthly cost ÷ the tokens it serves that month (docs/fleet.md).
    /// </summary>
    /// <param name="source">The fleet file and the plan's months.</param>
    /// <returns>One USD-per-1M-tokens value per plan month.</returns>
    IReadOnlyList<double> DeriveFleetCostPerMillionTokens(FleetCostSource source) =>
        throw new Core.Validation.InputException("from: {fleet: …} needs the fleet optimizer; give costPerMillionTokens instead");
}
