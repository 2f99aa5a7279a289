using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Burnrate.Web.Tests.Api;

/// <summary><c>burnrate serve --ledger clickhouse://…</c>: the ledger endpoint answers from the local ClickHouse servers, and 503 when one is down.</summary>
public sealed class LedgerClickHouseApiTests(WebFactory factory) : IClassFixture<WebFactory>, IDisposable
{
    private static readonly string[] Credentials = ["--db-user-env", "BURNRATE_TEST_CLICKHOUSE_USER", "--db-password-env", "BURNRATE_TEST_CLICKHOUSE_PASSWORD"];
    private readonly TempFolder _temp = new();
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        _temp.Dispose();
        if (_databases.Count == 0)
        {
            return;
        }

        using var http = new HttpClient();
        foreach (string database in _databases)
        {
            using var drop = new StringContent($"DROP DATABASE IF EXISTS {database} ON CLUSTER {ClickHouseTestServers.Cluster}");
            http.PostAsync(new Uri(ClickHouseTestServers.Server1!.Replace("clickhouse://", "http://", StringComparison.Ordinal) + "/"), drop).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }
    }

    // The web app as `burnrate serve` would run it with these options (the entry point reads them as its arguments).
    private HttpClient Serve(params (string Key, string Value)[] options) =>
        factory.WithWebHostBuilder(b =>
        {
            foreach ((string key, string value) in options)
            {
                b.UseSetting(key, value);
            }
        }).CreateClient();

    private static void Import(params string[] db)
    {
        foreach ((string file, string format) in new[] { ("spend-logs.jsonl", "litellm"), ("revenue.csv", "revenue") })
        {
            CliRun run = CliRunner.Run(["ledger", "import", Repository.File("examples/ledger/" + file), "--format", format, .. db]);
            run.ExitCode.ShouldBe(0, run.Error);
        }
    }

    [ClickHouseTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_AnswerTheSameJsonAsTheDuckDbLedger_When_ServingAClickHouseLedger(bool cluster)
    {
        // Given the example ledger in DuckDB and on ClickHouse (one server, or the two-shard cluster)
        string duck = _temp.File("ledger.duckdb");
        Import("--db", duck);
        string database = "burnrate_web_" + Guid.NewGuid().ToString("N");
        _databases.Add(database);
        string address = $"{ClickHouseTestServers.Server1}/{database}" + (cluster ? $"?cluster={ClickHouseTestServers.Cluster}" : "");
        Import(["--db", address, .. Credentials]);
        CliRun expected = CliRunner.Run("ledger", "report", "--by", "customer,month", "--top", "3", "--db", duck, "--json");
        using HttpClient client = Serve(("db", address), ("db-user-env", "BURNRATE_TEST_CLICKHOUSE_USER"), ("db-password-env", "BURNRATE_TEST_CLICKHOUSE_PASSWORD"));

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/ledger/report", new { by = "customer,month", top = 3 });

        // Then
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(expected.Output)).ShouldBeTrue();
        JsonNode.Parse(body)!["rows"]!.AsArray().Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Should_Answer503NamingTheServer_When_ClickHouseIsDown()
    {
        // Given a ledger address on a loopback port nobody listens on
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using HttpClient client = Serve(("ledger", $"clickhouse://127.0.0.1:{port}/books"));

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/ledger/report", new { by = "customer" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["title"]!.GetValue<string>().ShouldBe("Ledger unavailable");
        problem["detail"]!.GetValue<string>().ShouldContain($"cannot reach ClickHouse at http://127.0.0.1:{port}/");
    }

    [Theory]
    [InlineData("--ledger", "clickhouse://127.0.0.1:8123/books", "--db-password-env", "BURNRATE_TEST_NO_SUCH_VARIABLE", "--db-password-env: environment variable 'BURNRATE_TEST_NO_SUCH_VARIABLE' is not set")]
    [InlineData("--db", "clickhouse://127.0.0.1:8123/bad-name", "--host", "127.0.0.1", "is not allowed; expected clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]")]
    public void Should_RefuseToStartWithOneLine_When_TheClickHouseLedgerIsMisconfigured(string ledgerOption, string ledger, string option, string value, string message)
    {
        CliRun run = CliRunner.Run("serve", "--port", "0", ledgerOption, ledger, option, value);

        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().ShouldNotContain('\n');
        run.Error.ShouldContain(message);
    }
}
