namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Pins <c>burnrate examples</c>: the list, and one example printed as it ships.</summary>
public sealed class ExamplesGoldenTests
{
    [Fact]
    public void Should_MatchGolden_When_Listed() => Golden.Verify(GoldenRun.Run("examples"), "Examples", "list");

    [Fact]
    public void Should_PrintTheShippedFileByteForByte_When_NameGiven()
    {
        // When
        CliRun run = CliRunner.Run("examples", "api-startup");

        // Then: the same text as examples/api-startup.yaml, so `burnrate examples NAME > s.yaml` gives the documented file
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ReplaceLineEndings("\n").TrimEnd('\n').ShouldBe(File.ReadAllText(GoldenRun.Example("api-startup.yaml")).ReplaceLineEndings("\n").TrimEnd('\n'));
    }
}
