using Burnrate.Catalog;
using Burnrate.Core.Validation;
using Burnrate.Planning.Fleet;

namespace Burnrate.Web.Api;

/// <summary>
/// The catalog reads a Hugging Face config.json when a model is not a catalog id, and a request may not make the server read a
/// file: the model of a scenario's or fleet file's <c>from:</c> sent over the API must be a catalog id, as on the cost-model
/// endpoints. Anything else is refused before the catalog is asked, with the nearest ids.
/// </summary>
internal static class CatalogModelsOnly
{
    /// <summary>Throws an <see cref="InputException"/> naming <c>model</c> when <paramref name="id"/> is not a catalog model id.</summary>
    /// <param name="catalog">The catalog the server answers from.</param>
    /// <param name="id">The model id given.</param>
    public static void Check(BurnrateCatalog catalog, string id)
    {
        if (catalog.Models.Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        IReadOnlyList<string> near = Suggestions.Nearest(id, catalog.Models.Select(m => m.Id));
        throw new InputException("model", id, "a catalog model id (the API reads no config.json files)" + (near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : ""));
    }

    /// <summary>Wraps a fleet's <c>serving: from:</c> resolver so that its model must be a catalog id.</summary>
    /// <param name="catalog">The catalog the server answers from.</param>
    /// <param name="inner">The resolver.</param>
    /// <returns>The checking resolver.</returns>
    public static IServingCapacity Serving(BurnrateCatalog catalog, IServingCapacity inner) => new CheckedServing(catalog, inner);

    private sealed class CheckedServing(BurnrateCatalog catalog, IServingCapacity inner) : IServingCapacity
    {
        public ServingEntry Resolve(ServingSource source)
        {
            ArgumentNullException.ThrowIfNull(source);
            Check(catalog, source.Model);
            return inner.Resolve(source);
        }
    }
}
