using System.Net;
using System.Net.Sockets;
using Burnrate.Cli.Tests.Reliability;

namespace Burnrate.Cli.Tests;

/// <summary>A plan's <c>actuals: {ledger: clickhouse://…}</c>: the same plan as from the DuckDB file; clear errors otherwise.</summary>
public sealed class PlanActualsClickHouseTests : IDisposable
{
    private readonly TempFolder _dir = new("burnrate-plan-clickhouse-");

    public void Dispose() => _dir.Dispose();

    // The example scenario with its ledger line replaced.
    private string Scenario(string name, string actuals)
    {
        string yaml = File.ReadAllText(RepoFiles.LedgerExample("plan-from-actuals.yaml"))
            .Replace("actuals: {ledger: example.duckdb}", actuals, StringComparison.Ordinal);
        yaml.ShouldContain(actuals);
        string path = _dir.File(name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Credentials(string address) =>
        $"actuals: {{ledger: '{address}', userEnv: BURNRATE_TEST_CLICKHOUSE_USER, passwordEnv: BURNRATE_TEST_CLICKHOUSE_PASSWORD}}";

    [ClickHouseFact]
    public void Should_GiveTheSamePlanAsTheDuckDbLedger_When_TheActualsComeFromOneServerOrTheCluster()
    {
        // Given the example ledger in DuckDB, on one ClickHouse server and on the two-shard cluster
        string duck = _dir.File("example.duckdb");
        ClickHouseLedger.ImportExample("--db", duck);
        using var single = new ClickHouseLedger(cluster: false);
        using var cluster = new ClickHouseLedger(cluster: true);
        ClickHouseLedger.ImportExample(["--db", single.Address, .. ClickHouseLedger.Credentials]);
        ClickHouseLedger.ImportExample(["--db", cluster.Address, .. ClickHouseLedger.Credentials]);

        // When the same scenario plans from each
        CliRun fromDuck = CliRunner.Run("plan", Scenario("duck.yaml", "actuals: {ledger: example.duckdb}"), "--paths", "500", "--json");
        CliRun fromSingle = CliRunner.Run("plan", Scenario("single.yaml", Credentials(single.Address)), "--paths", "500", "--json");
        CliRun fromCluster = CliRunner.Run("plan", Scenario("cluster.yaml", Credentials(cluster.Address)), "--paths", "500", "--json");

        // Then every number is the same; only the assumptions' source names the ledger
        fromDuck.ExitCode.ShouldBe(0, fromDuck.Error);
        fromSingle.ExitCode.ShouldBe(0, fromSingle.Error);
        fromCluster.ExitCode.ShouldBe(0, fromCluster.Error);
        fromDuck.Output.ShouldContain("6 month(s) 2026-01..2026-06");
        fromSingle.Output.ShouldContain($"ledger {single.Address}");
        fromSingle.Output.Replace($"ledger {single.Address}", "ledger example.duckdb", StringComparison.Ordinal).ShouldBe(fromDuck.Output);
        fromCluster.Output.Replace($"ledger {cluster.Address}", "ledger example.duckdb", StringComparison.Ordinal).ShouldBe(fromDuck.Output);
    }

    [Fact]
    public void Should_ExitTwoNamingTheVariable_When_TheScenariosPasswordVariableIsNotSet()
    {
        string scenario = Scenario("s.yaml", "actuals: {ledger: 'clickhouse://127.0.0.1:8123/books', passwordEnv: BURNRATE_TEST_NO_SUCH_VARIABLE}");

        CliRun run = CliRunner.Run("plan", scenario, "--json");

        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().ShouldBe($"error: {scenario}:12:19: actuals.passwordEnv: environment variable 'BURNRATE_TEST_NO_SUCH_VARIABLE' is not set");
    }

    [Fact]
    public void Should_ExitTwoNamingTheScheme_When_TheScenariosLedgerHasAnUnknownScheme()
    {
        string scenario = Scenario("s.yaml", "actuals: {ledger: 'postgresql://db.internal/books'}");

        CliRun run = CliRunner.Run("plan", scenario, "--json");

        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().ShouldNotContain('\n');
        run.Error.ShouldContain("unknown scheme 'postgresql://'");
    }

    [Fact]
    public void Should_ExitOneNamingTheServer_When_NoServerListens()
    {
        // Given a loopback port nobody listens on
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        string scenario = Scenario("s.yaml", $"actuals: {{ledger: 'clickhouse://127.0.0.1:{port}/books'}}");

        // When
        CliRun run = CliRunner.Run("plan", scenario, "--json");

        // Then
        run.ExitCode.ShouldBe(1);
        run.Error.TrimEnd().ShouldNotContain('\n');
        run.Error.ShouldContain($"actuals: cannot reach ClickHouse at http://127.0.0.1:{port}/");
    }
}
