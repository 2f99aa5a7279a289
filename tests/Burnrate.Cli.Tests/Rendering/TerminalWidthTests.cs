using Burnrate.Cli.Rendering;

namespace Burnrate.Cli.Tests.Rendering;

public sealed class TerminalWidthTests
{
    [Fact]
    public void Should_Use80Columns_When_OutputIsNotATerminalAndColumnsIsUnset() =>
        TerminalWidth.Resolve(null, outputIsTerminal: false, () => throw new InvalidOperationException("not asked")).ShouldBe(80);

    [Fact]
    public void Should_UseTheWindowWidth_When_OutputIsATerminal() =>
        TerminalWidth.Resolve(null, outputIsTerminal: true, () => 132).ShouldBe(132);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_PreferColumns_When_ItIsAWholeNumber(bool terminal) =>
        TerminalWidth.Resolve("100", terminal, () => 132).ShouldBe(100);

    [Theory]
    [InlineData("wide")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("1e3")]
    public void Should_IgnoreColumns_When_ItIsNotAPositiveWholeNumber(string columns) =>
        TerminalWidth.Resolve(columns, outputIsTerminal: false, () => 132).ShouldBe(80);

    [Fact]
    public void Should_FallBackTo80_When_TheWindowWidthIsUnknown()
    {
        TerminalWidth.Resolve(null, outputIsTerminal: true, () => throw new IOException("no console")).ShouldBe(80);
        TerminalWidth.Resolve(null, outputIsTerminal: true, () => 0).ShouldBe(80);
    }

    [Theory]
    [InlineData("10", 40)]
    [InlineData("99999", 1000)]
    public void Should_ClampTheWidth_When_ColumnsIsExtreme(string columns, int expected) =>
        TerminalWidth.Resolve(columns, outputIsTerminal: false, () => 0).ShouldBe(expected);
}
