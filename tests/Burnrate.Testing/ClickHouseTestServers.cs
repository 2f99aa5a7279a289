namespace Burnrate.Testing;

/// <summary>
/// The two local ClickHouse servers scripts/test.sh starts (scripts/clickhouse-servers.sh: one cluster of two shards on
/// 127.0.0.1), as the environment variables the script exports name them.
/// </summary>
public static class ClickHouseTestServers
{
    /// <summary>Gets server 1's address (clickhouse://127.0.0.1:PORT), or null.</summary>
    public static string? Server1 => Environment.GetEnvironmentVariable("BURNRATE_TEST_CLICKHOUSE_1");

    /// <summary>Gets server 2's address, or null.</summary>
    public static string? Server2 => Environment.GetEnvironmentVariable("BURNRATE_TEST_CLICKHOUSE_2");

    /// <summary>Gets the name of the cluster of the two servers, or null.</summary>
    public static string? Cluster => Environment.GetEnvironmentVariable("BURNRATE_TEST_CLICKHOUSE_CLUSTER");

    /// <summary>Gets the password-protected user the script creates on both servers.</summary>
    public static string? User => Environment.GetEnvironmentVariable("BURNRATE_TEST_CLICKHOUSE_USER");

    /// <summary>Gets that user's password.</summary>
    public static string? Password => Environment.GetEnvironmentVariable("BURNRATE_TEST_CLICKHOUSE_PASSWORD");

    /// <summary>Gets why ClickHouse tests cannot run here, or null when they can.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("BURNRATE_TEST_CLICKHOUSE_SKIP") is { Length: > 0 } skip ? "ClickHouse not available: " + skip
        : Server1 is null || Server2 is null || Cluster is null
            ? "BURNRATE_TEST_CLICKHOUSE_1/_2/_CLUSTER are not set: run scripts/test.sh, which starts two local ClickHouse servers (scripts/clickhouse-servers.sh)"
            : null;
}
