namespace Burnrate.Cli.Tests.Reliability;

/// <summary>Issue 11, "Messages": parse errors are one line without .NET type names, control characters in echoed values
/// are escaped, JSON errors give line and column, and anything unexpected is one "internal error" line.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-msg-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Should_SayWhatTheOptionTakes_When_AWholeNumberIsGivenAFraction()
    {
        // When
        CliRun run = CliRunner.Run("train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "8.5");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("error: --gpus must be a whole number, got 8.5 (see burnrate train --help)\n");
    }

    [Theory]
    [InlineData(new[] { "train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus", "99999999999" }, "--gpus must be a whole number from -2147483648 to 2147483647, got 99999999999")]
    [InlineData(new[] { "infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--compute-efficiency", "half" }, "--compute-efficiency must be a number such as 0.5 or 1e6, got half")]
    [InlineData(new[] { "plan", "x.yaml", "--seed", "-1" }, "--seed must be a whole number, 0 or more, got -1")]
    [InlineData(new[] { "train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "h100-sxm", "--gpus" }, "Required argument missing for option: '--gpus'.")]
    public void Should_PrintOneLineWithoutTypeNames_When_AValueDoesNotParse(string[] args, string expected)
    {
        // When
        CliRun run = CliRunner.Run(args);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldStartWith("error: " + expected);
        run.Error.ShouldNotContain("System.");
    }

    [Fact]
    public void Should_EscapeControlCharacters_When_AValueIsEchoed()
    {
        // When: a terminal escape and a newline in an id
        CliRun run = CliRunner.Run("train", "llama-3.1-8b", "--tokens", "1T", "--gpu", "x\u001b[31mred\nline", "--gpus", "8");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: unknown accelerator 'x\\x1b[31mred\\nline'");
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
        run.Error.ShouldNotContain("\u001b");
    }

    [Fact]
    public void Should_GiveLineAndColumn_When_AConfigJsonIsNotJson()
    {
        // Given
        string config = _dir.Write("config.json", "{\n  \"model_type\": \"llama\",,\n}");

        // When
        CliRun run = CliRunner.Run("infer", config, "--gpu", "h100-sxm");

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {config}:2:25: not valid JSON: ");
    }

    [Fact]
    public void Should_GiveLineAndColumn_When_ACalibrationFileIsNotJson()
    {
        // Given
        string cal = _dir.Write("cal.json", "{\"computeEfficiency\": 0.5\n  \"x\": 1}");

        // When
        CliRun run = CliRunner.Run("infer", "llama-3.1-8b", "--gpu", "h100-sxm", "--calibration", cal);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {cal}:2:3: not valid JSON: ");
    }

    [Fact]
    public void Should_DescribeAnUnexpectedExceptionAsOneInternalErrorLine_When_NotDebugging()
    {
        // When
        (int code, string message) = ErrorReport.Describe(new InvalidOperationException("boom"));

        // Then
        code.ShouldBe(1);
        message.ShouldBe("internal error: InvalidOperationException: boom (this is a bug; set BURNRATE_DEBUG=1 for the stack trace)");
    }

    [Fact]
    public void Should_NameThePathAndReason_When_AFileErrorHappens()
    {
        // When
        var denied = ErrorReport.Describe(new UnauthorizedAccessException("Access to the path '/x/y' is denied."));
        var missing = ErrorReport.Describe(new DirectoryNotFoundException("Could not find a part of the path '/x/y'."));
        var full = ErrorReport.Describe(new IOException("No space left on device : '/x/y'"));

        // Then
        denied.ShouldBe((1, "'/x/y': permission denied"));
        missing.ShouldBe((2, "'/x/y': no such folder (or a part of the path is a file)"));
        full.ShouldBe((1, "No space left on device : '/x/y'"));
    }
}
