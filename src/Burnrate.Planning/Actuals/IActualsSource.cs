namespace Burnrate.Planning.Actuals;

/// <summary>
/// Loads measured history for <c>actuals:</c> in a scenario. Planning defines the seam; the CLI supplies one backed by
/// the ledger (Planning does not depend on the ledger's store).
/// </summary>
public interface IActualsSource
{
    /// <summary>Loads the history the scenario names.</summary>
    /// <param name="kind">The key under <c>actuals:</c> (today only "ledger").</param>
    /// <param name="path">The path given, resolved against the scenario's folder.</param>
    /// <returns>The history.</returns>
    ActualsHistory Load(string kind, string path);
}
