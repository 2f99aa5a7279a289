using System.CommandLine;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger</c>: real usage logs, bills and revenue in; cost, revenue and gross margin out (docs/ledger.md).</summary>
internal sealed class LedgerCommand : Command
{
    public LedgerCommand(GlobalOptions globals)
        : base("ledger", "Import real usage logs, bills and revenue; report cost, revenue and gross margin per customer, feature and model")
    {
        ArgumentNullException.ThrowIfNull(globals);
        Subcommands.Add(new LedgerImportCommand());
        Subcommands.Add(new LedgerReportCommand(globals));
        Subcommands.Add(new LedgerReconcileCommand());
        Subcommands.Add(new LedgerActualsCommand());
        Subcommands.Add(new LedgerExportCommand());
        Subcommands.Add(new LedgerMigrateCommand());
        Subcommands.Add(new LedgerSelfHostedCommand(globals));
    }
}
