using PublicApiGenerator;

namespace Burnrate.Bench.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Should_KeepBenchPublicApiStable_When_Built()
    {
        // A change to Bench's public surface must be deliberate: review the diff, then accept with UPDATE_GOLDEN=1.
        string api = typeof(BenchSession).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Golden.Verify(api, "PublicApi");
    }
}
