using System.CommandLine;
using System.Globalization;
using Burnrate.Core.Quantities;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Reports.Json;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger reconcile</c>: computed usage cost against provider bills, per day and provider, with the residual.</summary>
internal sealed class LedgerReconcileCommand : Command
{
    private readonly Option<string?> _from = new("--from") { Description = "First day, YYYY-MM-DD (default: the first billed day)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day, YYYY-MM-DD (default: the last billed day)" };
    private readonly LedgerDbOptions _db = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (USD rounded to the cent)" };

    public LedgerReconcileCommand()
        : base("reconcile", "Computed cost (usage × price) against billed cost per day and provider, with the difference")
    {
        foreach (Option option in new Option[] { _from, _to }.Concat(_db.All).Append(_json))
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        DateOnly? from = LedgerOptions.Day("--from", parse.GetValue(_from)), to = LedgerOptions.Day("--to", parse.GetValue(_to));
        using LedgerDatabase ledger = _db.Open(parse);
        ReconcileReport report = ReconcileEngine.Run(ledger, from, to);
        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
            return ExitCodes.Success;
        }

        IAnsiConsole console = Rendering.Output.Console(parse);
        if (report.Rows.Count == 0)
        {
            Rendering.Output.WriteWrapped(console, "No billed costs in the ledger: import provider bills first (--format openai-costs, anthropic-costs or focus).");
            return ExitCodes.Success;
        }

        Rendering.Output.WriteWrapped(console, "Computed (usage × price) against billed, USD; difference = billed − computed");
        var table = new Rendering.WideTable(null, ["date", "provider", "computed", "billed", "difference"], keyColumns: 2) { RightAlignedFrom = 2, Border = TableBorder.Square };
        foreach (ReconcileRow r in report.Rows.Concat(report.Totals))
        {
            table.AddRow(r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "total", r.Provider, Usd(r.ComputedUsd), Usd(r.BilledUsd), Usd(r.DifferenceUsd));
        }

        table.Write(console);
        return ExitCodes.Success;
    }

    private static string Usd(Money m) => NumberText.Format(m.ToCents().Usd, "#,##0.00");
}
