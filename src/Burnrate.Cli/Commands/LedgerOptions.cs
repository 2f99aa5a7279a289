using System.CommandLine;
using System.Globalization;
using Burnrate.Ledger;

namespace Burnrate.Cli.Commands;

/// <summary>What the ledger subcommands share: the --db option, the date parser and the mapping of bad ledger input to exit 2
/// (here rather than on one command, so no command calls another's members).</summary>
internal static class LedgerOptions
{
    /// <summary>Gets a new --db option (one per command: an option records the commands it is added to).</summary>
    public static Option<string> Db() => new("--db")
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

    /// <summary>Parses an optional YYYY-MM-DD option.</summary>
    public static DateOnly? Day(string option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d
        : throw new UsageException($"{option}: \"{text}\" is not a date YYYY-MM-DD");
}
