using System.CommandLine;
using Burnrate.Cli.Rendering;
using Burnrate.Reports.Catalog;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate catalog models</c>: the model table with counted parameters.</summary>
internal sealed class CatalogModelsCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of a table" };

    public CatalogModelsCommand(GlobalOptions globals)
        : base("models", "List models: parameters counted from the architecture (total and active per token)")
    {
        _globals = globals;
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        ModelView[] views = [.. _globals.LoadCatalog(parse).Models.Select(CatalogViews.Model)];
        if (parse.GetValue(_json))
        {
            Output.WriteReport(parse, views);
            return ExitCodes.Success;
        }

        CatalogTables.Models(views).Write(Output.Console(parse));
        return ExitCodes.Success;
    }
}
