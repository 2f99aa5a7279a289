using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Hardware;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Spectre.Console;

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
            AcceleratorSpec a = catalog.Accelerator(id);
            if (json)
            {
                Output.WriteJson(parse, CatalogJson.Accelerator(a));
            }
            else
            {
                ShowAccelerator(Output.Console(parse), a);
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

        if (json)
        {
            Output.WriteJson(parse, CatalogJson.Model(model));
        }
        else
        {
            ShowModel(Output.Console(parse), model);
        }

        return ExitCodes.Success;
    }

    private static void ShowAccelerator(IAnsiConsole console, AcceleratorSpec a)
    {
        Table table = Grid(a.Name + " (" + a.Id + ")");
        foreach ((Precision p, FlopPerSecond f) in a.PeakFlops.OrderBy(p => p.Key))
        {
            table.AddRow($"peak {p.Id()} (dense)", f.ToString());
        }

        table.AddRow("memory", a.Memory.ToString());
        table.AddRow("memory bandwidth", a.MemoryBandwidth.ToString());
        table.AddRow("interconnect (per device)", a.InterconnectBandwidth.ToString());
        table.AddRow("TDP", a.Tdp?.ToString() ?? "not published");
        table.AddRow("source", Markup.Escape(a.Provenance.Source) + " (" + Date(a.Provenance.AsOf) + ")");
        if (a.PurchasePrice is { } p2)
        {
            table.AddRow("purchase price", p2.Amount + " — " + Markup.Escape(p2.Provenance.Source) + " (" + Date(p2.Provenance.AsOf) + ")");
        }

        if (a.CloudPricePerHour is { } c)
        {
            table.AddRow("cloud on-demand", c.Amount + "/h " + Markup.Escape(a.CloudProvider ?? "") + " — " + Markup.Escape(c.Provenance.Source) + " (" + Date(c.Provenance.AsOf) + ")");
        }

        console.Write(table);
    }

    private static void ShowModel(IAnsiConsole console, ModelArchitecture m)
    {
        ParameterCount count = ParameterCounter.Count(m);
        Table table = Grid(m.Name + " (" + m.Id + ")");
        table.AddRow("parameters (total)", Params(count.Total));
        table.AddRow("parameters (active per token)", Params(count.ActivePerToken));
        table.AddRow("of which embeddings / output head", Params(count.Embedding) + " / " + Params(count.OutputHead));
        table.AddRow("layers", Int(m.Layers));
        table.AddRow("hidden size", Int(m.HiddenSize));
        table.AddRow("attention heads / KV heads / head dim", $"{m.AttentionHeads} / {m.KvHeads} / {m.HeadDim}");
        table.AddRow("FFN", $"{m.FfnKind.ToString().ToLowerInvariant()}, {Int(m.FfnSize)}");
        if (m.Moe is { } moe)
        {
            table.AddRow("experts", $"{moe.RoutedExperts} routed, {moe.ExpertsPerToken} per token, {moe.SharedExperts} shared, {moe.DenseLayers} dense layers, expert FFN {Int(moe.ExpertFfnSize)}");
        }

        if (m.Mla is { } mla)
        {
            table.AddRow("MLA", $"q rank {mla.QLoraRank}, kv rank {mla.KvLoraRank}, rope {mla.RopeHeadDim}, nope {mla.NopeHeadDim}, v {mla.VHeadDim}");
        }

        table.AddRow("vocabulary", Int(m.VocabSize) + (m.TiedEmbeddings ? " (tied embeddings)" : ""));
        table.AddRow("max context", Int(m.MaxContext));
        table.AddRow("source", Markup.Escape(m.Provenance.Source) + " (" + Date(m.Provenance.AsOf) + ")");
        console.Write(table);
    }

    private static Table Grid(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("field");
        table.AddColumn("value");
        return table;
    }

    private static string Params(double n) => SiFormat.Count(n) + " (" + n.ToString("#,0", CultureInfo.InvariantCulture) + ")";

    private static string Int(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
