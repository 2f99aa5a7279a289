using Burnrate.Catalog;
using Burnrate.Core.Economics;
using Burnrate.Core.Quantities;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Scenario;

namespace Burnrate.Web.Api;

/// <summary>
/// The cost model behind a scenario sent in a request: the same derivations as the CLI, except that a request may not make the server
/// read a file (<c>costs.inference.from: {fleet: FILE}</c> names a path on the server, and a model that is not a catalog id is read as a
/// config.json path), so those are refused with a clear message.
/// </summary>
/// <param name="catalog">The catalog the server answers from.</param>
internal sealed class RequestCostDeriver(BurnrateCatalog catalog) : ICostDeriver
{
    private readonly CostModelDeriver _inner = new(catalog);

    /// <summary>Gets the derivations made, as the CLI lists them.</summary>
    public IReadOnlyList<Assumption> Derivations => _inner.Derivations;

    /// <inheritdoc />
    public UsdPerMillionTokens DeriveInferenceCostPerMillionTokens(InferenceCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        CatalogModelsOnly.Check(catalog, source.Model);
        return _inner.DeriveInferenceCostPerMillionTokens(source);
    }

    /// <inheritdoc />
    public Usd DeriveTrainingCostUsd(TrainingCostSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        CatalogModelsOnly.Check(catalog, source.Model);
        return _inner.DeriveTrainingCostUsd(source);
    }

    /// <inheritdoc />
    public IReadOnlyList<double> DeriveFleetCostPerMillionTokens(FleetCostSource source) =>
        throw new Core.Validation.InputException("costs.inference.from: {fleet: FILE} reads a file on the server, which the HTTP API never does; run `burnrate plan` where the fleet file is, or give costs.inference.costPerMillionTokens");
}
