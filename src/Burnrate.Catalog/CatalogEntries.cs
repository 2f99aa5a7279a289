using Burnrate.Core.Hardware;
using Burnrate.Core.Models;

namespace Burnrate.Catalog;

/// <summary>The entries one catalog file defines.</summary>
/// <param name="Accelerators">Accelerators, in file order.</param>
/// <param name="Models">Models, in file order.</param>
public sealed record CatalogEntries(IReadOnlyList<AcceleratorSpec> Accelerators, IReadOnlyList<ModelArchitecture> Models);
