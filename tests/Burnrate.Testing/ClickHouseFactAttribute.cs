namespace Burnrate.Testing;

/// <summary>
/// A test that needs the two local ClickHouse servers scripts/test.sh starts (scripts/clickhouse-servers.sh): reported as
/// skipped, with the reason, when their addresses are not in the environment.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClickHouseFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="ClickHouseFactAttribute"/> class.</summary>
    public ClickHouseFactAttribute()
    {
        if (ClickHouseTestServers.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
