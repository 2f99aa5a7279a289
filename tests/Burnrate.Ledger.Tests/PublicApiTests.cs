using PublicApiGenerator;

namespace Burnrate.Ledger.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Should_KeepLedgerPublicApiStable_When_Built()
    {
        // A change to Ledger's public surface must be deliberate: review the diff, then accept with UPDATE_GOLDEN=1.
        string api = typeof(Burnrate.Ledger.Reporting.MarginReport).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Golden.Verify(api, "PublicApi");
    }
}
