namespace Burnrate.Testing;

/// <summary>
/// A theory that needs the two local ClickHouse servers scripts/test.sh starts (scripts/clickhouse-servers.sh): reported as
/// skipped, with the reason, when their addresses are not in the environment.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClickHouseTheoryAttribute : TheoryAttribute
{
    /// <summary>Initializes a new instance of the <see cref="ClickHouseTheoryAttribute"/> class.</summary>
    public ClickHouseTheoryAttribute()
    {
        if (ClickHouseTestServers.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
