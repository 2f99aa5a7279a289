namespace Burnrate.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public void Should_PrintVersion_When_VersionRequested()
    {
        var (code, output, _) = CliRunner.Run("--version");
        code.ShouldBe(0);
        output.Trim().ShouldStartWith("0.");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("catalog", "--help")]
    [InlineData("catalog", "show", "--help")]
    public void Should_PrintHelp_When_HelpRequestedAnywhere(params string[] args)
    {
        var (code, output, _) = CliRunner.Run(args);
        code.ShouldBe(0);
        output.ShouldContain("Usage:");
    }

    [Fact]
    public void Should_ExitTwo_When_CommandUnknown()
    {
        var (code, _, error) = CliRunner.Run("nonsense");
        code.ShouldBe(2);
        error.ShouldContain("nonsense");
    }
}
