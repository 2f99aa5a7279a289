using System.Text.RegularExpressions;

namespace Burnrate.Cli.Tests.Snapshots;

/// <summary>Runs a command and turns its exit code, output and error into one snapshot text.</summary>
internal static partial class GoldenRun
{
    /// <summary>Gets the path of a file in examples/ (the repository root is found from this source file).</summary>
    public static string Example(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "examples", name));

    /// <summary>Runs <c>burnrate ARGS</c> and formats everything it did, so a snapshot pins the exit code and stderr too.</summary>
    public static string Run(params string[] args) => Format(CliRunner.Run(args));

    /// <summary>Formats a run: the command line, exit code, stdout and (when there is any) stderr.</summary>
    public static string Format(CliRun run) =>
        $"exit {run.ExitCode}\n" + run.Output + (run.Error.Length > 0 ? "--- stderr\n" + run.Error : "");

    /// <summary>Replaces wall-clock figures (search time and rate) that differ from run to run.</summary>
    public static string WithoutTimings(string text)
    {
        text = SearchSeconds().Replace(text, "\"searchSeconds\": 0");
        return SearchRate().Replace(text, "in # ms (# M/s)");
    }

    [GeneratedRegex("\"searchSeconds\": [0-9.eE+-]+")]
    private static partial Regex SearchSeconds();

    [GeneratedRegex(@"in [0-9.,]+ ms \([0-9.,]+ M/s\)")]
    private static partial Regex SearchRate();
}
