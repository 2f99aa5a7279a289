using Burnrate.Core.Economics;
using Burnrate.Reports.Json;

namespace Burnrate.Reports.Tests.Json;

public sealed class BurnrateJsonTests
{
    [Fact]
    public void Should_WriteCamelCaseWithRelaxedEscaping_When_SerializingARegisteredType()
    {
        string json = BurnrateJson.Serialize(new Assumption("device-watts", "700 W", "catalog TDP of h100-sxm × 1 — NVIDIA"));

        json.ShouldBe("{\n  \"name\": \"device-watts\",\n  \"value\": \"700 W\",\n  \"source\": \"catalog TDP of h100-sxm × 1 — NVIDIA\"\n}".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Throw_When_TypeIsNotRegistered()
    {
        Should.Throw<InvalidOperationException>(() => BurnrateJson.Serialize(new Uri("http://127.0.0.1/")));
    }
}
