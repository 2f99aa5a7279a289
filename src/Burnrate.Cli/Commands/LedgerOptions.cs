using System.CommandLine;
using System.Globalization;
using Burnrate.Ledger;

namespace Burnrate.Cli.Commands;

/// <summary>What the ledger subcommands share: the --db option, and the date parser (here rather than on one command, so no command calls
/// another's members). Bad ledger input is a Core InputException, which the app prints as one line with exit 2.</summary>
internal static class LedgerOptions
{
    /// <summary>Gets a new --db option (one per command: an option records the commands it is added to).</summary>
    public static Option<string> Db() => new("--db")
    {
        Description = $"The ledger's DuckDB file (created when missing; default {LedgerDatabase.DefaultPath} in the working folder)",
        DefaultValueFactory = _ => LedgerDatabase.DefaultPath,
    };

    /// <summary>Parses an optional YYYY-MM-DD option.</summary>
    public static DateOnly? Day(string option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d
        : throw new UsageException($"{option}: \"{text}\" is not a date YYYY-MM-DD");
}
