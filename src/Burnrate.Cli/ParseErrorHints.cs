using System.CommandLine;
using System.Text.RegularExpressions;
using Burnrate.Catalog;

namespace Burnrate.Cli;

/// <summary>
/// Rewrites System.CommandLine's errors as one plain line each ("--gpus must be a whole number, got 8.5", never a .NET type
/// name), and adds "did you mean …?" for mistyped options and commands.
/// </summary>
internal static partial class ParseErrorHints
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
            yield return Translate(e.Message) + hint;
        }
    }

    /// <summary>Gets a System.CommandLine message without .NET type names and on one line.</summary>
    public static string Translate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (CannotParse().Match(message) is { Success: true } m)
        {
            string value = m.Groups["value"].Value;
            string type = m.Groups["type"].Value;
            string name = m.Groups["kind"].Value == "option" ? m.Groups["name"].Value : $"the argument of '{m.Groups["name"].Value}'";
            string[] choices = m.Groups["rest"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(c => !c.EndsWith('?')).ToArray();
            return $"{name} must be {Expected(type, value, choices)}, got {(value.Length == 0 ? "nothing" : value)}";
        }

        return string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string Expected(string type, string value, string[] choices)
    {
        string bare = NullableOf().Match(type) is { Success: true } n ? n.Groups[1].Value : type;
        return bare switch
        {
            // A whole number too large for the type says so; anything else just is not a whole number.
            "System.Int32" => "a whole number" + (value.TrimStart('-', '+').All(char.IsAsciiDigit) ? " from -2147483648 to 2147483647" : ""),
            "System.Int64" => "a whole number",
            "System.UInt64" or "System.UInt32" => "a whole number, 0 or more",
            "System.Double" or "System.Single" or "System.Decimal" => "a number such as 0.5 or 1e6",
            "System.Boolean" => "true or false",
            _ when choices.Length > 0 => "one of " + string.Join(", ", choices),
            _ => "a " + bare[(bare.LastIndexOf('.') + 1)..].ToLowerInvariant(),
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<kind>option|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

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
