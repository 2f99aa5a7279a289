using System.CommandLine;
using System.Globalization;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Reports.Json;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger export --focus FILE</c>: the ledger's LLM spend as FinOps FOCUS 1.2 rows (CSV or Parquet).</summary>
internal sealed class LedgerExportCommand : Command
{
    private readonly Option<string> _focus = new("--focus") { Description = "Write FOCUS 1.2 cost and usage rows to FILE (.csv, or .parquet)", Required = true };
    private readonly Option<string?> _from = new("--from") { Description = "First day, YYYY-MM-DD (default: the first usage day)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day, YYYY-MM-DD (default: the last usage day)" };
    private readonly LedgerDbOptions _db = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print what was written as JSON" };

    public LedgerExportCommand()
        : base("export", "Export the ledger's LLM spend as FinOps FOCUS 1.2 rows (one per day, provider, model, tier, customer and feature)")
    {
        foreach (Option option in new Option[] { _focus, _from, _to }.Concat(_db.All).Append(_json))
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        DateOnly? from = LedgerOptions.Day("--from", parse.GetValue(_from)), to = LedgerOptions.Day("--to", parse.GetValue(_to));
        using LedgerDatabase ledger = _db.Open(parse);
        FocusExportSummary summary = FocusExport.Write(ledger, parse.GetRequiredValue(_focus), from, to);
        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(summary));
            return ExitCodes.Success;
        }

        string unpriced = summary.UnpricedRequests > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {summary.UnpricedRequests:N0} unpriced requests exported at $0 (import with --prices)")
            : string.Empty;
        Spectre.Console.IAnsiConsole console = Rendering.Output.Console(parse);
        Rendering.Output.WriteWritten(console, [summary.Path]);
        Rendering.Output.WriteWrapped(console, string.Create(CultureInfo.InvariantCulture,
            $"{summary.Rows:N0} FOCUS 1.2 rows, BilledCost {summary.BilledUsd.ToCents().Usd:#,##0.00} USD{unpriced}"));
        return ExitCodes.Success;
    }
}
