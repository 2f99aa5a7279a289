using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("250ms", 0.25)]
    [InlineData("2s", 2)]
    [InlineData("1.5min", 90)]
    [InlineData("1.5m", 90)]
    [InlineData("1h", 3600)]
    [InlineData("500us", 0.0005)]
    [InlineData(" 10 ms ", 0.01)]
    public void Should_ParseSeconds_When_TextHasAUnit(string text, double seconds)
    {
        DurationText.TryParseSeconds(text, out double s).ShouldBeTrue();
        s.ShouldBe(seconds, 1e-12);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("0.2")]
    [InlineData("1e3")]
    [InlineData("fast")]
    [InlineData("-2s")]
    [InlineData("NaNs")]
    [InlineData("Infinitys")]
    [InlineData("")]
    public void Should_Reject_When_TextIsABareNumberOrNotADuration(string text)
    {
        DurationText.TryParseSeconds(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Should_AcceptBareZero_When_ZeroIsAllowed()
    {
        DurationText.ParseNonNegative("collectiveLatency", "0").Seconds.ShouldBe(0);
        Should.Throw<InputException>(() => DurationText.Parse("sloTtft", "0s"));
    }

    [Fact]
    public void Should_NameTheFieldAndWhatIsAllowed_When_ABareNumberIsGiven()
    {
        var e = Should.Throw<InputException>(() => DurationText.Parse("sloTtft", "500"));

        e.Errors.ShouldHaveSingleItem().ToString().ShouldBe("sloTtft '500' is not allowed; expected a positive duration with a unit, e.g. 250ms, 2s, 1.5min");
    }
}
