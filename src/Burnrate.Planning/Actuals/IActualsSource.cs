namespace Burnrate.Planning.Actuals;

/// <summary>
/// Loads measured history for <c>actuals:</c> in a scenario. Planning defines the seam; the CLI supplies one backed by
/// the ledger (Planning does not depend on the ledger's store).
/// </summary>
public interface IActualsSource
{
    /// <summary>Loads the history of the ledger the scenario names.</summary>
    /// <param name="ledger">The ledger: a file path (already resolved against the scenario's folder) or a clickhouse:// address, with credential variable names.</param>
    /// <returns>The history.</returns>
    /// <exception cref="Catalog.CatalogException">Bad input (a file missing, a variable named but not set): the scenario reader places the message at the <c>ledger</c> field.</exception>
    /// <exception cref="IOException">The ledger cannot be read (a server down or refusing a query).</exception>
    ActualsHistory Load(LedgerReference ledger);
}
