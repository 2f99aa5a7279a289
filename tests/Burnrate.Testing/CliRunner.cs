using Burnrate.Cli;

namespace Burnrate.Testing;

/// <summary>The outcome of one in-process <c>burnrate</c> run.</summary>
/// <param name="ExitCode">0 success, 2 bad input or usage, 1 anything else.</param>
/// <param name="Output">What the command wrote to standard output.</param>
/// <param name="Error">What the command wrote to standard error.</param>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the burnrate command line in-process against string writers.</summary>
public static class CliRunner
{
    /// <summary>Runs <c>burnrate ARGS</c> and captures its exit code, output and error.</summary>
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BurnrateApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>burnrate ARGS</c> as in an 80-column terminal that takes colour.</summary>
    public static CliRun RunInColour(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BurnrateApp.Run(args, TextReader.Null, output, error, 80, colour: true);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>burnrate ARGS</c> as in a terminal <paramref name="width"/> columns wide.</summary>
    public static CliRun RunAtWidth(int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BurnrateApp.Run(args, TextReader.Null, output, error, width);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
