using PublicApiGenerator;

namespace Burnrate.Catalog.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Should_KeepCatalogPublicApiStable_When_Built()
    {
        // A change to Catalog's public surface must be deliberate: review the diff, then accept with UPDATE_GOLDEN=1.
        string api = typeof(Burnrate.Catalog.BurnrateCatalog).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Golden.Verify(api, "PublicApi");
    }
}
