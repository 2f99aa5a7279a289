using System.CommandLine;
using Burnrate.Ledger;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger</c>: real usage logs, bills and revenue in; cost, revenue and gross margin out (docs/ledger.md).</summary>
internal sealed class LedgerCommand : Command
{
    public LedgerCommand(GlobalOptions globals)
        : base("ledger", "Import real usage logs, bills and revenue; report cost, revenue and gross margin per customer, feature and model")
    {
        ArgumentNullException.ThrowIfNull(globals);
        Subcommands.Add(new LedgerImportCommand());
        Subcommands.Add(new LedgerReportCommand());
        Subcommands.Add(new LedgerReconcileCommand());
        Subcommands.Add(new LedgerActualsCommand());
        Subcommands.Add(new LedgerExportCommand());
    }

    /// <summary>Gets a new --db option (one per command: an option records the commands it is added to).</summary>
    public static Option<string> DbOption() => new("--db")
    {
        Description = $"The ledger's DuckDB file (created when missing; default {LedgerDatabase.DefaultPath} in the working folder)",
        DefaultValueFactory = _ => LedgerDatabase.DefaultPath,
    };

    /// <summary>Runs a ledger action, turning bad ledger input into the one-line usage error (exit 2).</summary>
    public static int Guard(Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (LedgerInputException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
