using PublicApiGenerator;

namespace Burnrate.Reports.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Should_KeepReportsPublicApiStable_When_Built()
    {
        // A change to the Reports public surface must be deliberate: review the diff, then accept with UPDATE_GOLDEN=1.
        string api = typeof(Burnrate.Reports.Json.BurnrateJson).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Golden.Verify(api, "PublicApi");
    }
}
