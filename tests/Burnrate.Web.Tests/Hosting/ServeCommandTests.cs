namespace Burnrate.Web.Tests.Hosting;

public sealed class ServeCommandTests
{
    [Fact]
    public void Should_ExitWithBadInput_When_ServeIsAskedForANonLoopbackHostWithoutAKey()
    {
        // When
        CliRun run = CliRunner.Run("serve", "--host", "0.0.0.0", "--port", "0");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--api-key-env");
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public void Should_ExitWithBadInput_When_TheHostIsNotAnAddress() =>
        CliRunner.Run("serve", "--host", "example.com", "--port", "0").ExitCode.ShouldBe(2);
}
