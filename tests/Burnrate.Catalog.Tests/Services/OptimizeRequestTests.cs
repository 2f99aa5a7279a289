using System.Globalization;
using Burnrate.Catalog.Services;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests.Services;

/// <summary>The caps on an optimize search's lists: a list over its cap is refused as a whole, once, naming the field and the
/// maximum (the CLI exits 2 with it, the web answers 400 with it); a list at its cap is checked entry by entry as before.</summary>
public sealed class OptimizeRequestTests
{
    private static readonly OptimizeRequest Small = new() { Models = ["llama-3.1-8b"] };

    public static TheoryData<string, OptimizeRequest, int> OverCap => new()
    {
        { "models", Small with { Models = [.. Enumerable.Repeat("llama-3.1-8b", OptimizeRequest.MaxModels + 1)] }, OptimizeRequest.MaxModels },
        { "gpusAllowed", Small with { GpusAllowed = [.. Enumerable.Repeat("h100-sxm", OptimizeRequest.MaxAccelerators + 1)] }, OptimizeRequest.MaxAccelerators },
        { "weights", Small with { Weights = [.. Enumerable.Repeat("fp8", OptimizeRequest.MaxPrecisions + 1)] }, OptimizeRequest.MaxPrecisions },
        { "kvCache", Small with { KvCache = [.. Enumerable.Repeat("fp8", OptimizeRequest.MaxPrecisions + 1)] }, OptimizeRequest.MaxPrecisions },
        { "concurrency", Small with { Concurrency = [.. Enumerable.Range(1, OptimizeRequest.MaxConcurrencies + 1)] }, OptimizeRequest.MaxConcurrencies },
        { "replicas", Small with { Replicas = [.. Enumerable.Range(1, OptimizeRequest.MaxReplicaCounts + 1)] }, OptimizeRequest.MaxReplicaCounts },
    };

    [Theory]
    [MemberData(nameof(OverCap))]
    public void Should_RefuseTheListOnceNamingTheMaximum_When_AListIsOverItsCap(string field, OptimizeRequest request, int max)
    {
        // When
        IReadOnlyList<FieldError> errors = request.Validate();

        // Then
        FieldError error = errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(field);
        error.Value.ShouldBe($"{max + 1} values");
        error.Allowed.ShouldStartWith($"at most {max} values in one search");
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool Should_RefuseAConcurrencyListExactlyWhenItIsOverTheCap(FsCheck.PositiveInt length)
    {
        // Given: a list of 1..~1,000 valid concurrencies, or one bad entry (0) among them
        int n = 1 + (length.Get % 1_000);
        var good = Small with { Concurrency = [.. Enumerable.Range(1, n)] };
        var bad = Small with { Concurrency = [0, .. Enumerable.Range(1, n - 1)] };

        // When
        IReadOnlyList<FieldError> goodErrors = good.Validate(), badErrors = bad.Validate();

        // Then: over the cap, one error for the list whatever its entries; at most the cap, the entries are checked
        bool over = n > OptimizeRequest.MaxConcurrencies;
        return over
            ? goodErrors.Count == 1 && badErrors.Count == 1 && badErrors[0].Value == n.ToString("#,0", CultureInfo.InvariantCulture) + " values"
            : goodErrors.Count == 0 && badErrors.Count == 1 && badErrors[0].Value == "0";
    }

    [Fact]
    public void Should_AcceptEveryList_When_EachIsAtItsCap()
    {
        var request = new OptimizeRequest
        {
            Models = [.. Enumerable.Repeat("llama-3.1-8b", OptimizeRequest.MaxModels)],
            GpusAllowed = [.. Enumerable.Repeat("h100-sxm", OptimizeRequest.MaxAccelerators)],
            Weights = [.. Enumerable.Repeat("fp8", OptimizeRequest.MaxPrecisions)],
            KvCache = [.. Enumerable.Repeat("fp8", OptimizeRequest.MaxPrecisions)],
            Concurrency = [.. Enumerable.Range(1, OptimizeRequest.MaxConcurrencies)],
            Replicas = [.. Enumerable.Range(1, OptimizeRequest.MaxReplicaCounts)],
        };

        request.Validate().ShouldBeEmpty();
    }
}
