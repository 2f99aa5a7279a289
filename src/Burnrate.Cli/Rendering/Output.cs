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

    public static IAnsiConsole Console(ParseResult parse)
    {
        TextWriter writer = parse.InvocationConfiguration.Output;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }

    /// <summary>Writes a typed report through the one source-generated context (<see cref="BurnrateJson"/>).</summary>
    public static void WriteReport<T>(ParseResult parse, T report) =>
        parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));

    public static void WriteJson<T>(ParseResult parse, T value)
    {
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, Json));
    }
}
