namespace Burnrate.Cli.Tests;

public sealed class ExamplesCommandTests
{
    private static CliRun RunWithInput(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BurnrateApp.Run(args, reader, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Should_ListEveryExampleWithinEightyColumns_When_NoNameGiven()
    {
        // When
        CliRun run = CliRunner.Run("examples");

        // Then
        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("api-startup");
        run.Output.ShouldContain("frontier-lab");
        run.Output.ShouldContain("example-ai-api");
        run.Output.Split('\n').ShouldAllBe(line => line.Length <= 80);
    }

    [Fact]
    public void Should_PrintTheScenarioYaml_When_NameGiven()
    {
        CliRun run = CliRunner.Run("examples", "api-startup");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("name: Open-model API startup");
        run.Output.ShouldContain("revenue:");
    }

    [Fact]
    public void Should_ExitTwoWithTheNearestName_When_ExampleUnknown()
    {
        CliRun run = CliRunner.Run("examples", "api-startp");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("did you mean api-startup?");
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public void Should_PlanTheScenarioFromStandardInput_When_FileIsDash()
    {
        // Given: what `burnrate examples api-startup | burnrate plan -` pipes
        string yaml = CliRunner.Run("examples", "api-startup").Output;

        // When
        CliRun run = RunWithInput(yaml, "plan", "-", "--paths", "200", "--json");

        // Then
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("\"Open-model API startup\"");
    }

    [Fact]
    public void Should_NameStandardInputInTheError_When_PipedScenarioIsBad()
    {
        CliRun run = RunWithInput("name: x\nstart: 2026-13\n", "plan", "-");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: <stdin>:");
    }

    [Fact]
    public void Should_ShowHelpAndExitZero_When_NoCommandGiven()
    {
        CliRun run = CliRunner.Run();

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("Usage:");
        run.Output.ShouldContain("examples");
    }

    [Theory]
    [InlineData("--pathz", "--paths")]
    [InlineData("--seeds", "--seed")]
    [InlineData("--jsn", "--json")]
    [InlineData("--catlog", "--catalog")]
    public void Should_SuggestTheNearestOption_When_PlanOptionMistyped(string typed, string expected)
    {
        CliRun run = CliRunner.Run("plan", "scenario.yaml", typed, "1");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"'{typed}'. Did you mean {expected}?");
    }

    [Fact]
    public void Should_SuggestTheNearestCommand_When_CommandMistyped()
    {
        CliRun run = CliRunner.Run("plna", "x.yaml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Did you mean plan?");
    }

    [Fact]
    public void Should_NotSuggestForAnOptionsValue_When_OptionMistyped()
    {
        CliRun run = CliRunner.Run("catalog", "gpus", "--jsn", "yes");

        run.Error.ShouldContain("Did you mean --json?");
        run.Error.ShouldNotContain("'yes'. Did you mean");
    }
}
