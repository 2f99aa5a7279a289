using System.CommandLine;

namespace Burnrate.Cli;

/// <summary>
/// Checks every command's <c>--out</c> before the command runs, so a bad target is one clear line and exit 2 rather than a
/// failure after minutes of work: an empty path, a folder target that is a file, a file target that is a folder, or a path
/// under a file. Only <c>calibrate --out</c> names a file; every other <c>--out</c> names a folder.
/// </summary>
internal static class OutputPaths
{
    public const string OptionName = "--out";

    // Commands whose --out names a file rather than a folder.
    private static readonly HashSet<string> FileTargets = new(StringComparer.Ordinal) { "calibrate" };

    /// <summary>Gets the problem with the <c>--out</c> given to the parsed command, or null when there is none (or no --out).</summary>
    public static string? Problem(ParseResult parse)
    {
        Command command = parse.CommandResult.Command;
        Option? option = command.Options.FirstOrDefault(o => o.Name == OptionName);
        if (option is null || parse.GetResult(option) is not { Implicit: false } result)
        {
            return null;
        }

        string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        return Problem(value, FileTargets.Contains(command.Name));
    }

    /// <summary>Gets the problem with an output path, or null when it can be written (permissions are found when writing).</summary>
    public static string? Problem(string value, bool isFile)
    {
        ArgumentNullException.ThrowIfNull(value);
        string kind = isFile ? "file" : "folder";
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{OptionName} is empty; give a {kind} path";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return $"{OptionName} '{value}' contains a NUL character";
        }

        string full;
        try
        {
            full = Path.GetFullPath(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{OptionName} '{value}' is not a valid path ({e.Message})";
        }

        if (isFile && Directory.Exists(full))
        {
            return $"{OptionName} '{value}' is a folder; give a file path, e.g. {Path.Combine(value, "calibration.json")}";
        }

        if (!isFile && File.Exists(full))
        {
            return $"{OptionName} '{value}' is a file; give a folder (it is created when missing)";
        }

        for (string? parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"{OptionName} '{value}' is under '{parent}', which is a file, not a folder";
            }

            if (Directory.Exists(parent))
            {
                break;
            }
        }

        return null;
    }
}
