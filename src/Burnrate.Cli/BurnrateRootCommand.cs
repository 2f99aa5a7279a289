using System.CommandLine;

namespace Burnrate.Cli;

/// <summary>The <c>burnrate</c> root command, carrying how wide text output may be (renderers read it from the parse result).</summary>
internal sealed class BurnrateRootCommand(string description, int width) : RootCommand(description)
{
    /// <summary>Gets the output width in columns.</summary>
    public int Width { get; } = width;
}
