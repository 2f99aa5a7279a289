using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Reports.Catalog;

namespace Burnrate.Cli.Rendering;

/// <summary>JSON shapes of catalog entries: numbers in base units (FLOP/s, bytes, bytes/s, watts, USD); the web API serializes the same views.</summary>
internal static class CatalogJson
{
    public static AcceleratorView Accelerator(AcceleratorSpec a) => CatalogViews.Accelerator(a);

    public static ModelView Model(ModelArchitecture m) => CatalogViews.Model(m);
}
