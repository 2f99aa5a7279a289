using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Burnrate.Cli.Tests;

/// <summary><c>--db clickhouse://…</c> on the ledger commands: bad addresses and credentials are one line; the same JSON as DuckDB.</summary>
public sealed class LedgerClickHouseCommandTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-cli-clickhouse-");

    public void Dispose() => _dir.Dispose();

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Burnrate.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "examples", "ledger", name);
    }

    [Theory]
    [InlineData("clickhouse://127.0.0.1:8123/bad-name")]
    [InlineData("clickhouse://127.0.0.1:8123/")]
    [InlineData("clickhouse://127.0.0.1:8123/ledger?cluster=a;b")]
    [InlineData("clickhouse://127.0.0.1:8123/ledger?shards=2")]
    [InlineData("clickhouse://user:secret@127.0.0.1/ledger")]
    public void Should_ExitTwoWithOneLine_When_TheClickHouseAddressIsMalformed(string db)
    {
        // When
        CliRun run = CliRunner.Run("ledger", "report", "--by", "customer", "--db", db);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().ShouldNotContain('\n');
        run.Error.ShouldContain("clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]");
    }

    [Fact]
    public void Should_ExitTwoNamingTheVariable_When_ThePasswordVariableIsNotSet()
    {
        CliRun run = CliRunner.Run("ledger", "report", "--by", "customer", "--db", "clickhouse://127.0.0.1/ledger", "--db-password-env", "BURNRATE_TEST_NO_SUCH_VARIABLE");

        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().ShouldBe("error: --db-password-env: environment variable 'BURNRATE_TEST_NO_SUCH_VARIABLE' is not set");
    }

    [Fact]
    public void Should_ExitOneWithOneLine_When_NoServerListens()
    {
        // Given a loopback port nobody listens on
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // When
        CliRun run = CliRunner.Run("ledger", "actuals", "--db", $"clickhouse://127.0.0.1:{port}/ledger");

        // Then
        run.ExitCode.ShouldBe(1);
        run.Error.TrimEnd().ShouldNotContain('\n');
        run.Error.ShouldContain($"cannot reach ClickHouse at http://127.0.0.1:{port}/");
    }

    [Fact]
    public void Should_ExitTwo_When_MigratingFromAMissingFile()
    {
        CliRun run = CliRunner.Run("ledger", "migrate", "--from", _dir.File("missing.duckdb"), "--to", "clickhouse://127.0.0.1/ledger");

        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().ShouldBe($"error: --from: ledger file '{_dir.File("missing.duckdb")}' not found");
        File.Exists(_dir.File("missing.duckdb")).ShouldBeFalse();
    }

    [ClickHouseFact]
    public void Should_CopyEveryRowOnce_When_MigratingTheExampleLedgerTwice()
    {
        // Given the example ledger as a DuckDB file
        string database = "burnrate_cli_" + Guid.NewGuid().ToString("N");
        string cluster = $"{ClickHouseTestServers.Server1}/{database}?cluster={ClickHouseTestServers.Cluster}";
        string duck = _dir.File("ledger.duckdb");
        CliRunner.Run("ledger", "import", Example("spend-logs.jsonl"), "--format", "litellm", "--db", duck).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", Example("revenue.csv"), "--format", "revenue", "--db", duck).ExitCode.ShouldBe(0);
        try
        {
            // When
            string[] migrate = ["ledger", "migrate", "--from", duck, "--to", cluster, "--to-user-env", "BURNRATE_TEST_CLICKHOUSE_USER", "--to-password-env", "BURNRATE_TEST_CLICKHOUSE_PASSWORD", "--json"];
            CliRun first = CliRunner.Run(migrate);
            CliRun second = CliRunner.Run(migrate);

            // Then
            first.ExitCode.ShouldBe(0, first.Error);
            JsonElement usage = JsonDocument.Parse(first.Output).RootElement.GetProperty("tables")[0];
            (usage.GetProperty("table").GetString(), usage.GetProperty("rowsRead").GetInt64(), usage.GetProperty("copied").GetInt64()).ShouldBe(("usage_events", 648L, 648L));
            JsonElement again = JsonDocument.Parse(second.Output).RootElement.GetProperty("tables")[0];
            (again.GetProperty("copied").GetInt64(), again.GetProperty("alreadyPresent").GetInt64()).ShouldBe((0L, 648L));
        }
        finally
        {
            Drop(database);
        }
    }

    private static void Drop(string database)
    {
        using var http = new HttpClient();
        string server = ClickHouseTestServers.Server1!.Replace("clickhouse://", "http://", StringComparison.Ordinal);
        using var drop = new StringContent($"DROP DATABASE IF EXISTS {database} ON CLUSTER {ClickHouseTestServers.Cluster}");
        http.PostAsync(new Uri(server + "/"), drop).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    [ClickHouseFact]
    public void Should_PrintTheSameReportJsonAsDuckDb_When_TheLedgerIsAClickHouseCluster()
    {
        // Given the example logs and revenue imported into DuckDB and into the two-shard cluster (user and password from the environment)
        string database = "burnrate_cli_" + Guid.NewGuid().ToString("N");
        string cluster = $"{ClickHouseTestServers.Server1}/{database}?cluster={ClickHouseTestServers.Cluster}";
        string[] credentials = ["--db-user-env", "BURNRATE_TEST_CLICKHOUSE_USER", "--db-password-env", "BURNRATE_TEST_CLICKHOUSE_PASSWORD"];
        string duck = _dir.File("ledger.duckdb");
        try
        {
            foreach (string[] db in new[] { new[] { "--db", duck }, ["--db", cluster, .. credentials] })
            {
                CliRunner.Run(["ledger", "import", Example("spend-logs.jsonl"), "--format", "litellm", .. db]).ExitCode.ShouldBe(0);
                CliRunner.Run(["ledger", "import", Example("revenue.csv"), "--format", "revenue", .. db]).ExitCode.ShouldBe(0);
            }

            // When
            CliRun expected = CliRunner.Run("ledger", "report", "--by", "customer,month", "--json", "--db", duck);
            CliRun actual = CliRunner.Run(["ledger", "report", "--by", "customer,month", "--json", "--db", cluster, .. credentials]);
            CliRun again = CliRunner.Run(["ledger", "import", Example("spend-logs.jsonl"), "--format", "litellm", "--json", "--db", cluster, .. credentials]);

            // Then
            actual.ExitCode.ShouldBe(0, actual.Error);
            actual.Output.ShouldBe(expected.Output);
            JsonElement file = JsonDocument.Parse(again.Output).RootElement.GetProperty("files")[0];
            (file.GetProperty("imported").GetInt64(), file.GetProperty("duplicates").GetInt64()).ShouldBe((0L, 648L));
        }
        finally
        {
            Drop(database);
        }
    }
}
