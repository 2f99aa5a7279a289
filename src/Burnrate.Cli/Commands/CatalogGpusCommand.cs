using System.CommandLine;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Hardware;
using Burnrate.Core.Quantities;
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
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        if (parse.GetValue(_json))
        {
            Output.WriteJson(parse, catalog.Accelerators.Select(CatalogJson.Accelerator));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Accelerators (dense peak, per device)");
        foreach (string column in new[] { "id", "bf16", "fp8", "memory", "bandwidth", "interconnect", "TDP", "cloud $/h", "purchase", "as of" })
        {
            table.AddColumn(new TableColumn(column));
        }

        foreach (AcceleratorSpec a in catalog.Accelerators)
        {
            table.AddRow(
                a.Id,
                Peak(a, Precision.Bf16),
                Peak(a, Precision.Fp8),
                a.Memory.ToString(),
                a.MemoryBandwidth.ToString(),
                a.InterconnectBandwidth.ToString(),
                a.Tdp?.ToString() ?? "n/p",
                a.CloudPricePerHour?.Amount.ToString() ?? "-",
                a.PurchasePrice?.Amount.ToString() ?? "-",
                a.Provenance.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        IAnsiConsole console = Output.Console(parse);
        console.Write(table);
        console.WriteLine("Dense peaks (no sparsity). n/p = not published. Sources: burnrate catalog show ID. Add or override entries with --catalog FILE.yaml.");
        return ExitCodes.Success;
    }

    private static string Peak(AcceleratorSpec a, Precision p) => a.PeakFlops.TryGetValue(p, out FlopPerSecond f) ? f.ToString() : "-";
}
