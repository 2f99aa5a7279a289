using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Models;
using Burnrate.Reports.Catalog;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate catalog show ID|config.json</c>: one accelerator or model in full, with its sources.</summary>
internal sealed class CatalogShowCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly Argument<string> _id = new("id") { Description = "An accelerator or model id, or a path to a Hugging Face config.json" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of a table" };

    public CatalogShowCommand(GlobalOptions globals)
        : base("show", "Show one accelerator or model in full, with its source")
    {
        _globals = globals;
        Arguments.Add(_id);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        string id = parse.GetRequiredValue(_id);
        bool json = parse.GetValue(_json);
        if (catalog.HasAccelerator(id))
        {
            AcceleratorView a = CatalogViews.Accelerator(catalog.Accelerator(id));
            if (json)
            {
                Output.WriteReport(parse, a);
            }
            else
            {
                Output.Console(parse).Write(CatalogTables.Accelerator(a));
            }

            return ExitCodes.Success;
        }

        ModelArchitecture model;
        try
        {
            model = catalog.Model(id);
        }
        catch (CatalogException e) when (e.Message.StartsWith("unknown model", StringComparison.Ordinal))
        {
            IReadOnlyList<string> near = Suggestions.Nearest(id, catalog.Accelerators.Select(a => a.Id).Concat(catalog.Models.Select(m => m.Id)));
            throw new CatalogException($"unknown accelerator or model '{id}'" + (near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "; see 'burnrate catalog gpus' and 'burnrate catalog models'"));
        }

        ModelView view = CatalogViews.Model(model);
        if (json)
        {
            Output.WriteReport(parse, view);
        }
        else
        {
            Output.Console(parse).Write(CatalogTables.Model(view));
        }

        return ExitCodes.Success;
    }
}
