using System.Globalization;
using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Tests.Store;

/// <summary>
/// The local ClickHouse servers scripts/clickhouse-servers.sh starts (two shards of cluster BURNRATE_TEST_CLICKHOUSE_CLUSTER),
/// found through environment variables, and a fresh database on them per test (dropped on dispose).
/// </summary>
internal sealed class ClickHouseServers : IDisposable
{
    private static readonly string? Server1 = ClickHouseTestServers.Server1;
    private static readonly string? Server2 = ClickHouseTestServers.Server2;
    private static readonly string? ClusterName = ClickHouseTestServers.Cluster;

    public ClickHouseServers()
    {
        Database = "burnrate_test_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the test's database name.</summary>
    public string Database { get; }

    /// <summary>Gets the password-protected test user the script creates.</summary>
    public static LedgerCredentials Credentials => new(ClickHouseTestServers.User, ClickHouseTestServers.Password);

    /// <summary>Gets the --db address of the test database on server 1 alone.</summary>
    public string Single => $"{Server1}/{Database}";

    /// <summary>Gets the --db address of the test database on the two-shard cluster (through server 1).</summary>
    public string Cluster => $"{Server1}/{Database}?cluster={ClusterName}";

    /// <summary>Counts a table's rows on one server's own storage (the local table of a cluster).</summary>
    public long RowsOn(int server, string table)
    {
        ClickHouseAddress address = ClickHouseAddress.Parse($"{(server == 1 ? Server1 : Server2)}/{Database}");
        using var http = new ClickHouseHttp(address, Credentials);
        return long.Parse(http.Query($"SELECT count() FROM {table}", Database)[1][0]!, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (ClickHouseTestServers.SkipReason is not null)
        {
            return;
        }

        using var http = new ClickHouseHttp(ClickHouseAddress.Parse(Single), Credentials);
        http.Execute($"DROP DATABASE IF EXISTS {Database} ON CLUSTER {ClusterName}", database: null);
    }
}
