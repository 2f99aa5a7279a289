using System.Globalization;

namespace Burnrate.Cli.Commands;

/// <summary>What the ledger subcommands share besides <see cref="LedgerDbOptions"/>: the date parser (here rather than on one command, so no command calls
/// another's members). Bad ledger input is a Core InputException, which the app prints as one line with exit 2.</summary>
internal static class LedgerOptions
{
    /// <summary>Parses an optional YYYY-MM-DD option.</summary>
    public static DateOnly? Day(string option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d
        : throw new UsageException($"{option}: \"{text}\" is not a date YYYY-MM-DD");
}
