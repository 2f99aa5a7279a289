using System.Globalization;
using Burnrate.Core.Quantities;
using FsCheck.Xunit;

namespace Burnrate.Core.Tests.Quantities;

public sealed class NumberTextTests
{
    [Fact]
    public void Should_GroupEveryDigit_When_ALongIsBeyondWhatADoubleHoldsExactly()
    {
        // Given: 2^53 + 1 and the largest long, which a double would round
        // When / Then
        NumberText.Grouped(9_007_199_254_740_993L).ShouldBe("9,007,199,254,740,993");
        NumberText.Grouped(long.MaxValue).ShouldBe("9,223,372,036,854,775,807");
    }

    [Property(MaxTest = 300)]
    public bool Should_ReadBackTheSameLong_When_GroupedTextHasItsSeparatorsRemoved(long value) =>
        long.Parse(NumberText.Grouped(value).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) == value;

    [Property(MaxTest = 300)]
    public bool Should_WriteBilledCentsExactly_When_ADecimalIsFormatted(long cents)
    {
        // Given: any amount in whole cents, under a culture whose decimal separator is a comma
        decimal usd = cents / 100m;
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // When
            string text = NumberText.Format(usd, "#,##0.00");

            // Then: invariant separators, and the text reads back to the same amount
            return decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) == usd && text[^3] == '.';
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
