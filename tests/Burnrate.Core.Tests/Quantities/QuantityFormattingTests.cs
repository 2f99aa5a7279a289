using Burnrate.Core.Quantities;

namespace Burnrate.Core.Tests.Quantities;

public sealed class QuantityFormattingTests
{
    [Theory]
    [InlineData(3.14e23, "314 ZFLOP")]
    [InlineData(1e15, "1 PFLOP")]
    [InlineData(999.6e12, "1 PFLOP")]
    [InlineData(0, "0 FLOP")]
    public void Should_FormatFlopWithSiPrefix_When_Printed(double value, string expected)
    {
        new Flop(value).ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(15e12, "15 T tokens")]
    [InlineData(500e9, "500 G tokens")]
    [InlineData(512, "512 tokens")]
    [InlineData(0, "0 tokens")]
    public void Should_SetThePrefixApartFromTheWord_When_TokensArePrinted(double value, string expected)
    {
        new Tokens(value).ToString().ShouldBe(expected);
    }

    [Fact]
    public void Should_SetThePrefixApart_When_AWordUnitIsARate()
    {
        SiFormat.Words(593e3, "tokens/s").ShouldBe("593 k tokens/s");
    }

    [Fact]
    public void Should_FormatDecimalGigabytes_When_BytesPrinted()
    {
        Bytes.FromGB(80).ToString().ShouldBe("80 GB");
        new BytesPerSecond(3.35e12).ToString().ShouldBe("3.35 TB/s");
    }

    [Theory]
    [InlineData(0.0123, "12.3 ms")]
    [InlineData(4.5, "4.5 s")]
    [InlineData(750, "12.5 min")]
    [InlineData(3.2 * 3600, "3.2 h")]
    [InlineData(41.7 * 86400, "41.7 days")]
    public void Should_FormatDurationInReadableUnit_When_Printed(double seconds, string expected)
    {
        Duration.FromSeconds(seconds).ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(1.2e6, "$1.2M")]
    [InlineData(950, "$950")]
    [InlineData(3.4, "$3.40")]
    [InlineData(4.6e9, "$4.6B")]
    public void Should_FormatDollarsCompactly_When_Printed(double usd, string expected)
    {
        new Usd(usd).ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(8.03e9, "8.03B")]
    [InlineData(671e9, "671B")]
    [InlineData(405e6, "405M")]
    public void Should_FormatParameterCountsLikeModelNames_When_CountPrinted(double count, string expected)
    {
        SiFormat.Count(count).ShouldBe(expected);
    }

    [Fact]
    public void Should_FormatInvariantly_When_CurrentCultureUsesDecimalComma()
    {
        // Given
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

            // When
            string text = new BytesPerSecond(3.35e12).ToString();

            // Then
            text.ShouldBe("3.35 TB/s");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
