namespace Burnrate.Cli.Tests;

/// <summary>Runs the burnrate command line in-process against string writers.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BurnrateApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
