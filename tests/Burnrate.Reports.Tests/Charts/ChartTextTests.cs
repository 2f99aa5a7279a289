using Burnrate.Reports.Charts;

namespace Burnrate.Reports.Tests.Charts;

public sealed class ChartTextTests
{
    [Theory]
    [InlineData(12_880_000, "$12.9M")]
    [InlineData(1.288e7, "$12.9M")]
    [InlineData(950_000, "$950k")]
    [InlineData(-3_400_000, "-$3.4M")]
    [InlineData(1_234_567_890, "$1.23B")]
    [InlineData(2.5e12, "$2.5T")]
    [InlineData(999_999, "$1M")]
    [InlineData(45, "$45")]
    [InlineData(0.5, "$0.5")]
    [InlineData(0, "$0")]
    public void Should_ReadAsCompactDollars_When_MoneyFormatted(double usd, string expected)
    {
        ChartText.Money(usd).ShouldBe(expected);
    }

    [Theory]
    [InlineData(12_345, "12.3k")]
    [InlineData(950, "950")]
    [InlineData(1_500_000, "1.5M")]
    public void Should_ReadAsCompactNumbers_When_NumberFormatted(double value, string expected)
    {
        ChartText.Number(value).ShouldBe(expected);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool Should_NeverUseExponentNotation_When_AnyFiniteAmountFormatted(double usd) =>
        !double.IsFinite(usd) || Math.Abs(usd) >= 1e15 || !ChartText.Money(usd).Contains('E', StringComparison.Ordinal);
}
