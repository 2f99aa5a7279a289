namespace Burnrate.Cli.Rendering;

/// <summary>How wide text output may be: the terminal's width when known, else 80 columns.</summary>
public static class TerminalWidth
{
    /// <summary>The width when output is not a terminal (a pipe, a file, a test): 80 columns.</summary>
    public const int Default = 80;

    /// <summary>The narrowest width honoured: below it tables cannot show a figure per cell.</summary>
    public const int Minimum = 40;

    /// <summary>The widest width honoured.</summary>
    public const int Maximum = 1000;

    /// <summary>
    /// Resolves the width: the <c>COLUMNS</c> environment variable when it is a whole number (the user's explicit choice,
    /// also for piped output), else the terminal window's width when standard output is a terminal, else <see cref="Default"/>;
    /// clamped to <see cref="Minimum"/>..<see cref="Maximum"/>.
    /// </summary>
    /// <param name="columns">The value of <c>COLUMNS</c>, or null.</param>
    /// <param name="outputIsTerminal">Whether standard output is a terminal.</param>
    /// <param name="windowWidth">Reads the terminal window's width (called only for a terminal; may throw or return 0 when unknown).</param>
    /// <returns>The width in columns.</returns>
    public static int Resolve(string? columns, bool outputIsTerminal, Func<int> windowWidth)
    {
        ArgumentNullException.ThrowIfNull(windowWidth);
        int width = Default;
        if (int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int fromEnvironment) && fromEnvironment > 0)
        {
            width = fromEnvironment;
        }
        else if (outputIsTerminal && Window(windowWidth) is > 0 and var window)
        {
            width = window;
        }

        return Math.Clamp(width, Minimum, Maximum);
    }

    private static int Window(Func<int> windowWidth)
    {
        try
        {
            return windowWidth();
        }
        catch (IOException)
        {
            return 0;
        }
        catch (PlatformNotSupportedException)
        {
            return 0;
        }
    }
}
