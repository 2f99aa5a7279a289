using PublicApiGenerator;

namespace Burnrate.Planning.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Should_KeepPlanningPublicApiStable_When_Built()
    {
        // A change to Planning's public surface must be deliberate: review the diff, then accept with UPDATE_GOLDEN=1.
        string api = typeof(Burnrate.Planning.Simulation.MonteCarlo).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Golden.Verify(api, "PublicApi");
    }
}
