using System.CommandLine;

namespace Burnrate.Cli;

/// <summary>The <c>burnrate</c> root command, carrying how wide text output may be and whether it may be coloured (renderers
/// read them from the parse result).</summary>
internal sealed class BurnrateRootCommand(string description, int width, bool colour = false) : RootCommand(description)
{
    /// <summary>Gets the output width in columns.</summary>
    public int Width { get; } = width;

    /// <summary>Gets whether text output may carry colour (<see cref="Rendering.TerminalColour"/>).</summary>
    public bool Colour { get; } = colour;
}
