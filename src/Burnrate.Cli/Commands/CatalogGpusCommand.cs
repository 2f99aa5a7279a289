using System.CommandLine;
using Burnrate.Cli.Rendering;
using Burnrate.Reports.Catalog;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate catalog gpus</c>: the accelerator table.</summary>
internal sealed class CatalogGpusCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of a table" };

    public CatalogGpusCommand(GlobalOptions globals)
        : base("gpus", "List accelerators: dense peak FLOP/s, memory, bandwidth, power, prices")
    {
        _globals = globals;
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        AcceleratorView[] views = [.. _globals.LoadCatalog(parse).Accelerators.Select(CatalogViews.Accelerator)];
        if (parse.GetValue(_json))
        {
            Output.WriteReport(parse, views);
            return ExitCodes.Success;
        }

        IAnsiConsole console = Output.Console(parse);
        CatalogTables.Accelerators(views).Write(console);
        console.WriteLine("Dense peaks (no sparsity). n/p = not published. Sources: burnrate catalog show ID. Add or override entries with --catalog FILE.yaml.");
        return ExitCodes.Success;
    }
}
