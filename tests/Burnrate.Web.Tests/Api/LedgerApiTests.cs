using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Burnrate.Web.Tests.Api;

/// <summary>The server on 127.0.0.1 (a free port) over the example ledger (examples/ledger imported into a temp file).</summary>
public sealed class LedgerServer : IAsyncLifetime, IDisposable
{
    private TempFolder? _temp;
    private WebApplication? _app;

    /// <summary>Gets the ledger file.</summary>
    public string Db => _temp!.File("ledger.duckdb");

    /// <summary>Gets a client of the server.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <summary>Gets the server's address.</summary>
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _temp = new TempFolder();
        CliRunner.Run("ledger", "import", Repository.File("examples/ledger/spend-logs.jsonl"), "--format", "litellm", "--db", Db).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", Repository.File("examples/ledger/revenue.csv"), "--format", "revenue", "--db", Db).ExitCode.ShouldBe(0);
        _app = BurnrateWeb.Build(new ServeSettings { Port = 0, LedgerPath = Db }.Resolve(_ => null));
        await _app.StartAsync();
        Url = BurnrateWeb.ListeningUrl(_app);
        Client = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

    }

    public void Dispose() => _temp?.Dispose();
}

public sealed class LedgerApiTests(LedgerServer server, WebFactory factory) : IClassFixture<LedgerServer>, IClassFixture<WebFactory>
{
    [Fact]
    public async Task Should_EqualTheCliJson_When_TheSameLedgerIsReportedByCustomer()
    {
        // Given
        CliRun cli = CliRunner.Run("ledger", "report", "--by", "customer,month", "--top", "3", "--db", server.Db, "--json");

        // When
        using HttpResponseMessage response = await server.Client.PostAsJsonAsync("/api/ledger/report", new { by = "customer,month", top = 3 });

        // Then
        cli.ExitCode.ShouldBe(0, cli.Error);
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonNode api = JsonNode.Parse(body)!;
        JsonNode.DeepEquals(api, JsonNode.Parse(cli.Output)).ShouldBeTrue();
        api["rows"]!.AsArray().Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Should_NameEachBadField_When_TheKeysAndDatesAreWrong()
    {
        // When
        using HttpResponseMessage response = await server.Client.PostAsJsonAsync("/api/ledger/report", new { by = "custmer", from = "2026-13-01" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!["by"]![0]!.GetValue<string>().ShouldContain("nearest: customer");
        problem["errors"]!["from"]![0]!.GetValue<string>().ShouldContain("YYYY-MM-DD");
    }

    [Fact]
    public async Task Should_Answer404WithWhatToDo_When_TheServerHasNoLedger()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/ledger/report", new { by = "customer" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("burnrate serve --ledger FILE");
    }

    [Fact]
    public async Task Should_EqualTheCliJsonWithTheIdleCapacity_When_TheServerHasDeployments()
    {
        // Given a server over the example ledger with the example deployments (the operator's --deployments)
        string deployments = Repository.File("examples/ledger/deployments.yaml");
        CliRun cli = CliRunner.Run("ledger", "report", "--by", "customer", "--deployments", deployments, "--db", server.Db, "--json");
        var settings = new ServeSettings
        {
            Port = 0,
            LedgerPath = server.Db,
            LedgerDeployments = Burnrate.Ledger.SelfHosted.DeploymentsYaml.ReadFile(deployments),
        }.Resolve(_ => null);
        await using WebApplication app = BurnrateWeb.Build(settings);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(app)) };

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/ledger/report", new { by = "customer" });

        // Then the same JSON as the CLI's, the idle capacity of the example cluster its first row
        cli.ExitCode.ShouldBe(0, cli.Error);
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonNode api = JsonNode.Parse(body)!;
        JsonNode.DeepEquals(api, JsonNode.Parse(cli.Output)).ShouldBeTrue();
        api["rows"]![0]!["key"]!["customer"]!.GetValue<string>().ShouldBe("(idle: llama70b-vllm)");
        await app.StopAsync();
    }

    [Fact]
    public void Should_RefuseToStart_When_DeploymentsAreGivenWithoutALedger()
    {
        // When
        CliRun run = CliRunner.Run("serve", "--port", "0", "--deployments", Repository.File("examples/ledger/deployments.yaml"));

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("error: --deployments applies to a ledger: add --ledger FILE or --ledger clickhouse://HOST:8123/DATABASE");
    }

    [Fact]
    public void Should_RefuseToStartNamingTheLine_When_ADeploymentNamesAnUnknownAccelerator()
    {
        // Given the example deployments with a typo in the accelerator id
        using var dir = new TempFolder();
        string yaml = dir.Write("d.yaml", File.ReadAllText(Repository.File("examples/ledger/deployments.yaml")).Replace("gpu: h100-sxm", "gpu: h100-sxn", StringComparison.Ordinal));

        // When
        CliRun run = CliRunner.Run("serve", "--port", "0", "--ledger", server.Db, "--deployments", yaml);

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe($"error: {yaml}:7:5: deployment 'llama70b-vllm': unknown accelerator 'h100-sxn'; did you mean h100-sxm?");
    }

    [Fact]
    public void Should_RefuseToStart_When_TheLedgerFileIsMissing()
    {
        // When
        CliRun run = CliRunner.Run("serve", "--port", "0", "--ledger", Path.Combine(Path.GetTempPath(), "no-such-ledger.duckdb"));

        // Then
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--ledger");
    }
}
