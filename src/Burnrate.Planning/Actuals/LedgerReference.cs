namespace Burnrate.Planning.Actuals;

/// <summary>
/// The ledger a scenario's <c>actuals:</c> names: a DuckDB file (resolved against the scenario's folder) or a ClickHouse
/// address <c>clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]</c>, with the names of the environment variables holding
/// the server's user and password (never the secrets themselves: a scenario file is shared).
/// </summary>
/// <param name="Location">The file path, or the clickhouse:// address as written.</param>
/// <param name="UserEnv">The environment variable holding the ClickHouse user, or null for the server's default user.</param>
/// <param name="PasswordEnv">The environment variable holding the ClickHouse password, or null for none.</param>
public sealed record LedgerReference(string Location, string? UserEnv = null, string? PasswordEnv = null)
{
    /// <summary>The scheme of a ClickHouse ledger.</summary>
    public const string ClickHouseScheme = "clickhouse://";

    /// <summary>Gets whether the ledger is a ClickHouse server or cluster rather than a file.</summary>
    public bool IsServer => Location.StartsWith(ClickHouseScheme, StringComparison.OrdinalIgnoreCase);
}
