using System.CommandLine;
using Burnrate.Catalog;

namespace Burnrate.Cli;

/// <summary>Adds "did you mean …?" to System.CommandLine's errors for mistyped options and commands.</summary>
internal static class ParseErrorHints
{
    /// <summary>Gets one line per parse error, with the nearest option or command names when a token was not recognised.</summary>
    public static IEnumerable<string> Describe(ParseResult parse)
    {
        var hinted = new HashSet<string>(StringComparer.Ordinal);
        foreach (System.CommandLine.Parsing.ParseError e in parse.Errors)
        {
            string? token = parse.UnmatchedTokens.FirstOrDefault(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal));
            // A stray word after a mistyped option is usually that option's value: hint only the option.
            bool hintable = token is not null && (token.StartsWith('-') || (token.Length >= 3 && hinted.Count == 0));
            string hint = hintable && hinted.Add(token!) ? Hint(parse.CommandResult.Command, token!) : "";
            yield return e.Message + hint;
        }
    }

    private static string Hint(Command command, string token)
    {
        string name = token.Split('=', 2)[0];
        IEnumerable<string> candidates = name.StartsWith('-')
            ? OptionNames(command)
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        List<string> near = Suggestions.Nearest(name.TrimStart('-'), candidates.Select(c => c.TrimStart('-')).Distinct(), 2)
            .Select(n => name.StartsWith('-') ? "--" + n : n).ToList();
        return near.Count > 0 ? $" Did you mean {string.Join(" or ", near)}?" : "";
    }

    // The command's own options plus the recursive ones of its parents (--catalog), long names only.
    private static IEnumerable<string> OptionNames(Command command)
    {
        IEnumerable<Option> own = command.Options;
        var inherited = new List<Option>();
        for (Command? parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            inherited.AddRange(parent.Options.Where(o => o.Recursive));
        }

        return own.Concat(inherited)
            .Where(o => !o.Hidden)
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }
}
