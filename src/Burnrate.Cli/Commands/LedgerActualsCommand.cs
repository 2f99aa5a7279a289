using System.CommandLine;
using Burnrate.Core.Quantities;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Reports.Json;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger actuals</c>: monthly tokens, revenue by kind and cost by provider — what a plan's <c>actuals:</c> reads.</summary>
internal sealed class LedgerActualsCommand : Command
{
    private readonly LedgerDbOptions _db = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (USD rounded to the cent)" };

    public LedgerActualsCommand()
        : base("actuals", "Monthly tokens, revenue by kind and cost by provider (the history 'plan' starts from with actuals: {ledger: PATH})")
    {
        foreach (Option option in _db.All)
        {
            Options.Add(option);
        }

        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        using LedgerDatabase ledger = _db.Open(parse);
        ActualsReport report = ActualsEngine.Run(ledger);
        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("month");
        foreach (string c in new[] { "requests", "tokens", "revenue", "subscription", "usage", "credit", "refund", "cost" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }

        foreach (ActualMonth m in report.Months)
        {
            table.AddRow(
                m.Month, N(m.Requests), N(m.Tokens), Usd(m.RevenueUsd), Usd(m.RevenueUsdByKind["subscription"]), Usd(m.RevenueUsdByKind["usage"]),
                Usd(m.RevenueUsdByKind["credit"]), Usd(m.RevenueUsdByKind["refund"]), Usd(m.CostUsd));
        }

        IAnsiConsole console = Rendering.Output.Console(parse);
        console.WriteLine("Actuals by month (USD; cost by provider in --json)");
        console.Write(table);
        return ExitCodes.Success;
    }

    private static string N(long n) => NumberText.Grouped(n);

    private static string Usd(Money m) => NumberText.Format(m.ToCents().Usd, "#,##0.00");
}
