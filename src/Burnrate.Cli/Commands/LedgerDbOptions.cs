using System.CommandLine;
using Burnrate.Ledger;

namespace Burnrate.Cli.Commands;

/// <summary>
/// --db, --db-user-env and --db-password-env, which every ledger command takes: a DuckDB file, or
/// clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME] with the user and password read from the environment variables named.
/// </summary>
internal sealed class LedgerDbOptions
{
    /// <summary>Initializes a new instance of the <see cref="LedgerDbOptions"/> class.</summary>
    /// <param name="name">The option name (--db; migrate uses --from and --to).</param>
    /// <param name="prefix">The prefix of the credential options (--db-user-env; --to-user-env for migrate).</param>
    /// <param name="withDefault">Whether the option defaults to the ledger file in the working folder.</param>
    public LedgerDbOptions(string name = "--db", string prefix = "--db", bool withDefault = true)
    {
        Db = new Option<string>(name)
        {
            Description = "The ledger: a DuckDB file (created when missing" + (withDefault ? $"; default {LedgerDatabase.DefaultPath} in the working folder" : string.Empty)
                + "), or clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME] (docs/ledger.md)",
            Required = !withDefault,
        };
        if (withDefault)
        {
            Db.DefaultValueFactory = _ => LedgerDatabase.DefaultPath;
        }

        UserEnv = new Option<string?>(prefix + "-user-env") { Description = $"The environment variable holding the ClickHouse user for {name} (default: the server's default user)" };
        PasswordEnv = new Option<string?>(prefix + "-password-env") { Description = $"The environment variable holding the ClickHouse password for {name}" };
    }

    /// <summary>Gets the ledger location option.</summary>
    public Option<string> Db { get; }

    /// <summary>Gets the user variable option.</summary>
    public Option<string?> UserEnv { get; }

    /// <summary>Gets the password variable option.</summary>
    public Option<string?> PasswordEnv { get; }

    /// <summary>Gets the three options.</summary>
    public IEnumerable<Option> All => [Db, UserEnv, PasswordEnv];

    /// <summary>Opens the ledger the options name (credentials from the environment; a variable named but unset is bad input).</summary>
    public LedgerDatabase Open(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string db = parse.GetRequiredValue(Db);
        return LedgerDatabase.Open(db, new LedgerCredentials(Variable(parse, UserEnv), Variable(parse, PasswordEnv)));
    }

    /// <summary>Reads the environment variable <paramref name="name"/> names (null when no name is given); named but unset or empty is bad input.</summary>
    /// <param name="field">The option or field that named the variable, for the error.</param>
    /// <param name="name">The variable's name, or null.</param>
    /// <returns>The value, or null.</returns>
    public static string? Variable(string field, string? name) =>
        name is null ? null
        : Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new UsageException($"{field}: environment variable '{name}' is not set");

    private static string? Variable(ParseResult parse, Option<string?> option) => Variable(option.Name, parse.GetValue(option));
}
