using System.CommandLine;
using Burnrate.Cli.Commands;

namespace Burnrate.Cli;

/// <summary>Builds the <c>burnrate</c> command tree and runs it against the given writers (tests pass <see cref="StringWriter"/>s).</summary>
public static class BurnrateApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (JSON with --json: nothing else).</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code: 0 success, 2 bad input or usage, 1 anything else.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, TextReader.Null, output, error);

    /// <summary>Runs the command line with a standard input (<c>plan -</c> reads a scenario from it).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Where results go (JSON with --json: nothing else).</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code: 0 success, 2 bad input or usage, 1 anything else.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error) =>
        Run(args, input, output, error, Rendering.TerminalWidth.Default);

    /// <summary>Runs the command line with a standard input and an output width.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Where results go (JSON with --json: nothing else).</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="width">How many columns text output may take (<see cref="Rendering.TerminalWidth.Resolve"/>).</param>
    /// <returns>The exit code: 0 success, 2 bad input or usage, 1 anything else.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, int width) =>
        Run(args, input, output, error, width, colour: false);

    /// <summary>Runs the command line with a standard input, an output width and whether output may be coloured.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Where results go (JSON with --json: nothing else).</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="width">How many columns text output may take (<see cref="Rendering.TerminalWidth.Resolve"/>).</param>
    /// <param name="colour">Whether text output may carry colour (<see cref="Rendering.TerminalColour.Resolve"/>: a terminal only).</param>
    /// <returns>The exit code: 0 success, 2 bad input or usage, 1 anything else.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, int width, bool colour)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var globals = new GlobalOptions { Input = input };
        var root = new BurnrateRootCommand("Burnrate: what a token really costs, and how long the cash lasts.", Math.Clamp(width, Rendering.TerminalWidth.Minimum, Rendering.TerminalWidth.Maximum), colour);
        root.Options.Add(globals.Catalog);
        root.Subcommands.Add(new CatalogCommand(globals));
        root.Subcommands.Add(new TrainCommand(globals));
        root.Subcommands.Add(new InferCommand(globals));
        root.Subcommands.Add(new OptimizeCommand(globals));
        root.Subcommands.Add(new BenchCommand(globals));
        root.Subcommands.Add(new SimulateCommand(globals));
        root.Subcommands.Add(new PlanCommand(globals));
        root.Subcommands.Add(new ReportCommand(globals));
        root.Subcommands.Add(new CalibrateCommand(globals));
        root.Subcommands.Add(new ValidateCommand(globals));
        root.Subcommands.Add(new LedgerCommand(globals));
        root.Subcommands.Add(new ExamplesCommand());
        root.Subcommands.Add(new ServeCommand(globals));
        root.Subcommands.Add(new FleetCommand(globals));
        root.Subcommands.Add(new NativesCommand());
        // Bare `burnrate` shows the help (exit 0) rather than "Required command was not provided".
        // Help wraps to the output width too (System.CommandLine's default is the window's width, unbounded when piped).
        root.SetAction(parse => new System.CommandLine.Help.HelpAction { MaxWidth = root.Width }.Invoke(parse));
        if (root.Options.OfType<System.CommandLine.Help.HelpOption>().Single().Action is System.CommandLine.Help.HelpAction help)
        {
            help.MaxWidth = root.Width;
        }
        // The default version action reads the entry assembly, which is the test host under tests.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();

        // No response files: an argument starting with @ is a value, never a file to read (`@/dev/zero` would never end).
        ParseResult parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            // One line, however many errors: the usual case is one, and a second is mostly an echo of the first.
            ErrorReport.WriteLine(error, string.Join("; ", ParseErrorHints.Describe(parse)) + " (see burnrate " + CommandPath(parse.CommandResult.Command) + "--help)");
            return ExitCodes.BadInput;
        }

        try
        {
            if (parse.Action is not System.CommandLine.Help.HelpAction && OutputPaths.Problem(parse) is { } badOut)
            {
                ErrorReport.WriteLine(error, badOut);
                return ExitCodes.BadInput;
            }

            // Commands that run long (bench, simulate serve) handle Ctrl-C/SIGTERM themselves (SignalStop): a graceful stop
            // may take longer than System.CommandLine's termination timeout, after which it would end the process.
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e)
        {
            // Every failure is one line (file errors name the path and reason; anything unexpected is an "internal error").
            return ErrorReport.Write(e, error);
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Concat(names.Select(n => n + " "));
    }
}

/// <summary>Prints Burnrate's own informational version.</summary>
internal sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        string version = typeof(BurnrateApp).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
        parseResult.InvocationConfiguration.Output.WriteLine(version.Split('+')[0]);
        return ExitCodes.Success;
    }
}
