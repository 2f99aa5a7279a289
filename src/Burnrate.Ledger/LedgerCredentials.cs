namespace Burnrate.Ledger;

/// <summary>The user and password a server ledger (ClickHouse) is opened with; null fields use the server's default user.</summary>
/// <param name="User">The user name, or null.</param>
/// <param name="Password">The password, or null.</param>
public sealed record LedgerCredentials(string? User, string? Password)
{
    /// <summary>Gets no credentials (the server's default user, no password).</summary>
    public static LedgerCredentials None { get; } = new(null, null);

    /// <inheritdoc/>
    public override string ToString() => $"LedgerCredentials {{ User = {User}, Password = {(Password is null ? "null" : "***")} }}";
}
