using Burnrate.Bench.Metrics;
using Burnrate.Core.Validation;

namespace Burnrate.Bench.Tests;

public sealed class BenchRequestTests
{
    private static readonly BenchRequest Valid = new() { Url = new Uri("http://127.0.0.1:8000/v1"), Model = "m" };

    [Fact]
    public void Should_HaveNoErrors_When_RequestIsValid() => Valid.Validate().ShouldBeEmpty();

    [Fact]
    public void Should_ListEveryBadField_When_SeveralAreBad()
    {
        // Given
        BenchRequest request = Valid with
        {
            Concurrency = [0],
            TimeoutSeconds = 1e10,
            MaxSeconds = 0,
            GoodputAttainment = 1.5,
            Slo = new SloSettings(double.NaN, null, null),
            MaxResponseBytes = 10,
        };

        // When
        IReadOnlyList<FieldError> errors = request.Validate();

        // Then
        errors.Select(e => e.Field).ShouldBe(["concurrency", "goodputAttainment", "slo.ttftSeconds", "timeoutSeconds", "maxResponseBytes", "maxSeconds"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nb")]
    [InlineData("a\0")]
    public void Should_RefuseTheHeader_When_ItsValueHoldsALineBreak(string value)
    {
        // When
        IReadOnlyList<FieldError> errors = (Valid with { Headers = [new("X-Test", value)] }).Validate();

        // Then: one error, shown on one line
        errors.ShouldHaveSingleItem().Field.ShouldBe("headers");
        errors[0].ToString().ShouldNotContain("\n");
        errors[0].ToString().ShouldNotContain("\r");
    }

    [Fact]
    public void Should_RequireAnObjective_When_SearchingGoodput() =>
        (Valid with { MaxGoodput = true }).Validate().ShouldHaveSingleItem().Field.ShouldBe("slo");

    [Fact]
    public void Should_RefuseAFolderOfEarlierResults_When_OverwriteIsNotSet()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("summary.json", "{}");

        // Then
        (Valid with { OutputDirectory = folder.Path }).Validate().ShouldHaveSingleItem().Field.ShouldBe("outputDirectory");
        (Valid with { OutputDirectory = folder.Path, Overwrite = true }).Validate().ShouldBeEmpty();
        (Valid with { OutputDirectory = folder.File("new") }).Validate().ShouldBeEmpty();
        (Valid with { OutputDirectory = Path.Combine(folder.File("summary.json"), "sub") }).Validate().ShouldHaveSingleItem().Allowed.ShouldContain("is a file");
    }
}
