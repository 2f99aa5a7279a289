using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Spectre.Console;

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
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        if (parse.GetValue(_json))
        {
            Output.WriteJson(parse, catalog.Models.Select(CatalogJson.Model));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Models (parameters counted from the architecture)");
        foreach (string column in new[] { "id", "total params", "active params", "layers", "hidden", "heads/kv", "FFN", "experts", "attention", "context" })
        {
            table.AddColumn(new TableColumn(column));
        }

        foreach (ModelArchitecture m in catalog.Models)
        {
            ParameterCount count = ParameterCounter.Count(m);
            table.AddRow(
                m.Id,
                SiFormat.Count(count.Total),
                SiFormat.Count(count.ActivePerToken),
                m.Layers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.HiddenSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{m.AttentionHeads}/{m.KvHeads}",
                $"{m.FfnKind.ToString().ToLowerInvariant()} {m.FfnSize}",
                m.Moe is { } moe ? $"{moe.ExpertsPerToken}/{moe.RoutedExperts}" + (moe.SharedExperts > 0 ? $"+{moe.SharedExperts}" : "") : "-",
                m.Mla is not null ? "MLA" : m.KvHeads < m.AttentionHeads ? "GQA" : "MHA",
                m.MaxContext.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        IAnsiConsole console = Output.Console(parse);
        console.Write(table);
        return ExitCodes.Success;
    }
}
