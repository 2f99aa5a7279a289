using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Burnrate.Reports.Json;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>Writers for a command's results: Spectre tables over the invocation's output writer, or JSON.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Gets a console over the command's output writer: as wide as <see cref="Width"/>, coloured only when
    /// <see cref="Colour"/> (a terminal without NO_COLOR), never interactive.</summary>
    public static IAnsiConsole Console(ParseResult parse)
    {
        TextWriter writer = parse.InvocationConfiguration.Output;
        bool colour = Colour(parse);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            // 16 colours is all the tables use (grey borders, bold headers); Spectre would otherwise decide from TERM/COLORTERM.
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width(parse);
        return console;
    }

    /// <summary>Gets whether text output may carry colour (<see cref="TerminalColour"/>; never unless the caller said so).</summary>
    public static bool Colour(ParseResult parse) => parse.RootCommandResult.Command is BurnrateRootCommand { Colour: true };

    /// <summary>Gets the width text output may take (<see cref="TerminalWidth"/>; 80 unless the caller said otherwise).</summary>
    public static int Width(ParseResult parse) =>
        parse.RootCommandResult.Command is BurnrateRootCommand root ? root.Width : TerminalWidth.Default;

    /// <summary>Writes a plain line wrapped to the output width (continuation lines indented).</summary>
    /// <remarks>Written past Spectre, which would fold a word wider than the line (a path) in the middle.</remarks>
    public static void WriteWrapped(IAnsiConsole console, string text)
    {
        ArgumentNullException.ThrowIfNull(console);
        TextWrap.WriteLine(console.Profile.Out.Writer, text, console.Profile.Width);
    }

    /// <summary>Writes <c>wrote PATH</c> for each file written: the one wording every command uses for the files it wrote.</summary>
    public static void WriteWritten(IAnsiConsole console, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (string file in files)
        {
            WriteWrapped(console, "wrote " + file);
        }
    }

    /// <summary>Writes a line as is, never wrapped: a located diagnostic (<c>file:line: message</c>) stays one line to grep and click.</summary>
    public static void WriteWhole(IAnsiConsole console, string line)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.WriteLine(line);
    }

    /// <summary>The option that adds the assumptions table to a command's text output (--json always carries them).</summary>
    public static Option<bool> AssumptionsOption() => new("--assumptions")
    {
        Description = "Also list the assumptions behind the figures (defaults, catalog values, derivations), each with its source; --json always includes them",
    };

    /// <summary>Writes a typed report through the one source-generated context (<see cref="BurnrateJson"/>).</summary>
    public static void WriteReport<T>(ParseResult parse, T report) =>
        parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));

    public static void WriteJson<T>(ParseResult parse, T value)
    {
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, Json));
    }
}
