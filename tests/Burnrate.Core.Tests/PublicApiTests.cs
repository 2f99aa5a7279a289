using PublicApiGenerator;

namespace Burnrate.Core.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Should_KeepCorePublicApiStable_When_Built()
    {
        // A change to Core's public surface must be deliberate: review the diff, then accept with UPDATE_GOLDEN=1.
        string api = typeof(Burnrate.Core.Quantities.Flop).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Golden.Verify(api, "PublicApi");
    }
}
