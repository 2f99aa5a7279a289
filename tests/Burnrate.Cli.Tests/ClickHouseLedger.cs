using Burnrate.Cli.Tests.Reliability;

namespace Burnrate.Cli.Tests;

/// <summary>
/// A fresh database on the local ClickHouse servers (scripts/clickhouse-servers.sh), addressed on server 1 alone or on the
/// two-shard cluster, and dropped on both servers when disposed.
/// </summary>
internal sealed class ClickHouseLedger : IDisposable
{
    /// <summary>The --db-user-env/--db-password-env options naming the test user's variables.</summary>
    public static readonly string[] Credentials = ["--db-user-env", "BURNRATE_TEST_CLICKHOUSE_USER", "--db-password-env", "BURNRATE_TEST_CLICKHOUSE_PASSWORD"];

    public ClickHouseLedger(bool cluster)
    {
        Database = "burnrate_cli_" + Guid.NewGuid().ToString("N");
        Address = $"{ClickHouseTestServers.Server1}/{Database}" + (cluster ? $"?cluster={ClickHouseTestServers.Cluster}" : string.Empty);
    }

    /// <summary>Gets the database name.</summary>
    public string Database { get; }

    /// <summary>Gets the --db address.</summary>
    public string Address { get; }

    /// <summary>Imports the example spend logs and revenue (examples/ledger) into a ledger.</summary>
    public static void ImportExample(params string[] db)
    {
        CliRun logs = CliRunner.Run(["ledger", "import", RepoFiles.LedgerExample("spend-logs.jsonl"), "--format", "litellm", .. db]);
        logs.ExitCode.ShouldBe(0, logs.Error);
        CliRun revenue = CliRunner.Run(["ledger", "import", RepoFiles.LedgerExample("revenue.csv"), "--format", "revenue", .. db]);
        revenue.ExitCode.ShouldBe(0, revenue.Error);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        using var http = new HttpClient();
        string server = ClickHouseTestServers.Server1!.Replace("clickhouse://", "http://", StringComparison.Ordinal);
        using var drop = new StringContent($"DROP DATABASE IF EXISTS {Database} ON CLUSTER {ClickHouseTestServers.Cluster}");
        http.PostAsync(new Uri(server + "/"), drop).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }
}
