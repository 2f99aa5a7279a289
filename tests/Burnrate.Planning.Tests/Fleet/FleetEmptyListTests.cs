using Burnrate.Core.Validation;
using Burnrate.Planning.Fleet;

namespace Burnrate.Planning.Tests.Fleet;

/// <summary>A list the fleet file gives with no entries is reported as given and empty, never as missing.</summary>
public sealed class FleetEmptyListTests
{
    [Fact]
    public void Should_SayTheListGivenIsEmpty_When_OptionsIsAnEmptyList()
    {
        // Given
        const string Yaml = """
            name: empty
            horizon: {start: 2027-01, months: 3}
            demand:
              tokensPerSecond: 100
            serving: [{name: gpu, capacityTokensPerSecond: 400}]
            options: []
            """;

        // When
        FieldError error = FleetReader.Read(Yaml, "fleet.yaml").Validate().ShouldHaveSingleItem();

        // Then
        error.ToString().ShouldBe("options '[]' is not allowed; expected at least one capacity option (the list given is empty)");
    }
}
