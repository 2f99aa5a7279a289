using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;
using static Burnrate.Core.Tests.Inference.InferenceFixtures;

namespace Burnrate.Core.Tests.Inference;

/// <summary>A list a search space is given with no items was given, so it is reported as '[]' and "the list given is empty",
/// never as missing (FieldChecks.NotEmpty, as the library requests do).</summary>
public sealed class SearchSpaceValidationTests
{
    private static SearchSpace Space() => new()
    {
        Models = [Llama8B],
        Accelerators = [new PricedAccelerator(H100, new UsdPerGpuHour(3.99), new Watts(700))],
        InputTokens = 2000,
        OutputTokens = 500,
        Slo = new(Duration.FromSeconds(10), Duration.FromSeconds(10)),
    };

    public static TheoryData<string> Lists => new() { "models", "gpusAllowed", "maxDevices", "weights", "kvCache", "concurrency", "replicas" };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Should_SayTheListGivenIsEmpty_When_AListIsGivenEmpty(string field)
    {
        // Given
        SearchSpace space = field switch
        {
            "models" => Space() with { Models = [] },
            "gpusAllowed" => Space() with { Accelerators = [] },
            "maxDevices" => Space() with { DeviceCounts = [] },
            "weights" => Space() with { Weights = [] },
            "kvCache" => Space() with { KvCaches = [] },
            "concurrency" => Space() with { Concurrencies = [] },
            _ => Space() with { Replicas = [] },
        };

        // When
        IReadOnlyList<FieldError> errors = space.Validate();

        // Then
        FieldError error = errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(field);
        error.Value.ShouldBe(FieldChecks.EmptyList);
        error.Describe(field).ShouldEndWith("(the list given is empty)");
        error.Describe(field).ShouldNotContain("missing");
    }

    [Fact]
    public void Should_AcceptTheSpace_When_EveryListHasAnItem() => Space().Validate().ShouldBeEmpty();
}
