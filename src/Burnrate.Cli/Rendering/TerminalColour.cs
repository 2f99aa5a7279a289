namespace Burnrate.Cli.Rendering;

/// <summary>Whether text output may carry colour: only when standard output is a terminal, and never when <c>NO_COLOR</c>
/// is set to anything (https://no-color.org) or <c>TERM</c> is <c>dumb</c>. Output to a pipe, a file or a test's writer is
/// plain text, whatever the environment says.</summary>
public static class TerminalColour
{
    /// <summary>Resolves whether to colour.</summary>
    /// <param name="noColor">The value of <c>NO_COLOR</c>, or null.</param>
    /// <param name="term">The value of <c>TERM</c>, or null.</param>
    /// <param name="outputIsTerminal">Whether standard output is a terminal.</param>
    /// <returns>True to colour.</returns>
    public static bool Resolve(string? noColor, string? term, bool outputIsTerminal) =>
        outputIsTerminal && string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal);
}
