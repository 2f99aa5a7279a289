using Burnrate.Cli.Rendering;

namespace Burnrate.Cli.Tests.Rendering;

/// <summary>Colour in a terminal only: never when output is redirected, never with NO_COLOR (any value) or TERM=dumb.</summary>
public sealed class TerminalColourTests
{
    [Theory]
    [InlineData(null, "xterm-256color", true, true)]
    [InlineData(null, null, true, true)]
    [InlineData("", "xterm", true, true)] // NO_COLOR set but empty does not count (no-color.org)
    [InlineData("1", "xterm-256color", true, false)]
    [InlineData("false", "xterm", true, false)]
    [InlineData(null, "dumb", true, false)]
    [InlineData(null, "xterm-256color", false, false)]
    public void Should_ColourOnlyATerminal_When_ResolvingFromTheEnvironment(string? noColor, string? term, bool terminal, bool expected) =>
        TerminalColour.Resolve(noColor, term, terminal).ShouldBe(expected);

    [Fact]
    public void Should_WriteEscapeCodes_When_ColourIsOn()
    {
        // When
        CliRun coloured = CliRunner.RunInColour("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--sweep-concurrency", "1,8");
        CliRun plain = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--sweep-concurrency", "1,8");

        // Then: styled tables in a terminal; the same text without a single escape code elsewhere
        coloured.ExitCode.ShouldBe(0, coloured.Error);
        coloured.Output.ShouldContain("\u001b[");
        plain.Output.ShouldNotContain("\u001b");
        StripEscapes(coloured.Output).ShouldBe(plain.Output);
    }

    [Fact]
    public void Should_KeepJsonFreeOfEscapeCodes_When_ColourIsOn() =>
        CliRunner.RunInColour("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--json").Output.ShouldNotContain("\u001b");

    private static string StripEscapes(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");
}
