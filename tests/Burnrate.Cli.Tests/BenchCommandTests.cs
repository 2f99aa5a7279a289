using System.Text.Json;
using Burnrate.Bench.Simulation;

namespace Burnrate.Cli.Tests;

public sealed class BenchCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("burnrate-cli-bench-").FullName;
    private SimulatedServer? _server;

    public async Task InitializeAsync() => _server = await SimulatedServer.StartAsync(new SimulatorOptions { TtftSeconds = 0.01, ItlSeconds = 0.002 });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Url => _server!.BaseUrl.ToString();

    [Fact]
    public void Should_PrintTheContractKeys_When_RunWithJson()
    {
        // When
        (int code, string output, string error) = CliRunner.Run("bench", "--url", Url, "--model", "m", "--api", "chat", "--concurrency", "1,2", "--requests", "4",
            "--input-tokens", "16", "--output-tokens", "4", "--deployment-usd-per-hour", "2", "--slo-ttft", "1s", "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement levels = doc.RootElement.GetProperty("levels");
        levels.GetArrayLength().ShouldBe(2);
        JsonElement level = levels[1];
        level.GetProperty("concurrency").GetInt32().ShouldBe(2);
        foreach (string key in new[] { "completed", "failed", "errorsByKind", "requestsPerSecond", "outputTokensPerSecond", "goodputRequestsPerSecond", "outputTokensSource", "costPerMillionOutputTokensUsd" })
        {
            level.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        foreach (string latency in new[] { "ttftSeconds", "tpotSeconds", "itlSeconds", "e2eSeconds", "dispatchLagSeconds" })
        {
            foreach (string stat in new[] { "p50", "p90", "p95", "p99", "mean", "min", "max" })
            {
                level.GetProperty(latency).TryGetProperty(stat, out _).ShouldBeTrue(latency + "." + stat);
            }
        }

        level.GetProperty("completed").GetInt32().ShouldBe(4);
        level.GetProperty("outputTokensSource").GetString().ShouldBe("server");
        level.GetProperty("costPerMillionOutputTokensUsd").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_WriteFilesAndCompare_When_GivenOutDirectories()
    {
        // Given
        string a = Path.Combine(_dir, "a"), b = Path.Combine(_dir, "b");
        CliRunner.Run("bench", "--url", Url, "--model", "m", "--api", "completions", "--concurrency", "2", "--requests", "4", "--input-tokens", "8", "--output-tokens", "3", "--out", a).ExitCode.ShouldBe(0);
        CliRunner.Run("bench", "--url", Url, "--model", "m", "--rate", "50", "--arrivals", "constant", "--requests", "4", "--input-tokens", "8", "--output-tokens", "3", "--stream", "false", "--out", b).ExitCode.ShouldBe(0);

        // When
        (int code, string output, string error) = CliRunner.Run("bench", "compare", Path.Combine(a, "summary.json"), Path.Combine(b, "summary.json"), "--json");

        // Then
        code.ShouldBe(0, error);
        foreach (string file in new[] { "requests.jsonl", "summary.json", "summary.csv", "report.html" })
        {
            File.Exists(Path.Combine(a, file)).ShouldBeTrue(file);
        }

        File.ReadAllLines(Path.Combine(a, "requests.jsonl")).Length.ShouldBe(4);
        File.ReadAllText(Path.Combine(a, "report.html")).ShouldContain("data:image/png;base64");
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("level").GetString()).Distinct().ShouldBe(["concurrency=2", "rate=50"]);
    }

    [Fact]
    public void Should_PriceTheDeploymentFromTheCatalog_When_GivenGpuAndCount()
    {
        // Given: 2 × h100-sxm at the catalog's on-demand price (Lambda, $3.99/GPU-h as of 2026-09-20)
        (int code, string output, string error) = CliRunner.Run("bench", "--url", Url, "--model", "m", "--requests", "2", "--input-tokens", "8", "--output-tokens", "2",
            "--gpu", "h100-sxm", "--gpus", "2", "--json");

        // Then
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("deploymentUsdPerHour").GetDouble().ShouldBe(2 * 3.99, 1e-9);
        doc.RootElement.GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldContain("gpu-hour-usd");
        JsonElement level = doc.RootElement.GetProperty("levels")[0];
        double window = level.GetProperty("windowSeconds").GetDouble();
        long tokens = level.GetProperty("outputTokens").GetInt64();
        level.GetProperty("costPerMillionOutputTokensUsd").GetDouble().ShouldBe(2 * 3.99 * window / 3600 / tokens * 1e6, 1e-6);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("Infinity")]
    public void Should_ExitWith2NamingTheOption_When_TheDeviceHourPriceIsBad(string price)
    {
        // Given: the library's price policy checks the user's price (never a silent $0 or an infinite cost)
        (int code, string output, string error) = CliRunner.Run("bench", "--url", Url, "--model", "m", "--gpu", "h100-sxm", "--gpu-hour-usd", price);

        // Then
        code.ShouldBe(2);
        error.Trim().ShouldBe($"error: --gpu-hour-usd '{price}' is not allowed; expected a number in (0, 1000000] USD per device-hour");
        output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--concurrency", "0", "--concurrency")]
    [InlineData("--concurrency", "1,x", "--concurrency")]
    [InlineData("--rate", "-2", "--rate")]
    [InlineData("--input-tokens", "uniform:9", "--input-tokens")]
    [InlineData("--api", "embeddings", "--api")]
    [InlineData("--duration", "soon", "--duration")]
    [InlineData("--header", "novalue", "--header")]
    [InlineData("--api-key-env", "BURNRATE_TEST_UNSET_VARIABLE", "BURNRATE_TEST_UNSET_VARIABLE")]
    [InlineData("--max-goodput", "true", "--slo")]
    [InlineData("--gpu", "h1000", "h1000")]
    [InlineData("--gpu", "h800", "--deployment-usd-per-hour")]
    [InlineData("--slo-ttft", "500", "--slo-ttft")]
    [InlineData("--header", "X-A: 1\r\nX-Injected: 2", "--header")]
    [InlineData("--timeout", "1e10s", "--timeout")]
    [InlineData("--max-seconds", "0s", "--max-seconds")]
    [InlineData("--max-response-bytes", "12", "--max-response-bytes")]
    public void Should_ExitWith2AndNameTheOption_When_InputIsBad(string option, string value, string named)
    {
        (int code, string output, string error) = CliRunner.Run("bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", option, value);
        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1, error);
        error.ShouldContain(named);
        error.ShouldNotContain("   at ");
        output.ShouldBeEmpty();
    }

    [Fact]
    public void Should_RefuseTheFolder_When_OutHoldsEarlierResults()
    {
        // Given: a folder with an earlier run's summary
        string dir = Path.Combine(_dir, "earlier");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "summary.json"), "{}");

        // When
        (int code, string output, string error) = CliRunner.Run("bench", "--url", Url, "--model", "m", "--requests", "1", "--out", dir);
        (int overwriteCode, _, string overwriteError) = CliRunner.Run("bench", "--url", Url, "--model", "m", "--requests", "1", "--input-tokens", "8", "--output-tokens", "2", "--out", dir, "--overwrite");

        // Then: refused, and the earlier file is untouched; with --overwrite the run replaces it
        code.ShouldBe(2);
        error.ShouldContain("--overwrite");
        output.ShouldBeEmpty();
        overwriteCode.ShouldBe(0, overwriteError);
        File.ReadAllText(Path.Combine(dir, "summary.json")).ShouldContain("burnrate-bench");
    }

    [Fact]
    public void Should_ExitWith2_When_UrlIsMissing()
    {
        (int code, _, string error) = CliRunner.Run("bench", "--model", "m");
        code.ShouldBe(2);
        error.ShouldContain("--url");
    }

    [Fact]
    public void Should_ExitWith2_When_ComparedFileIsMissing()
    {
        (int code, _, string error) = CliRunner.Run("bench", "compare", Path.Combine(_dir, "nope.json"), Path.Combine(_dir, "nope2.json"));
        code.ShouldBe(2);
        error.ShouldContain("nope.json");
    }

    [Fact]
    public void Should_CountFailuresAndEnd_When_ServerIsUnreachable()
    {
        (int code, string output, _) = CliRunner.Run("bench", "--url", "http://127.0.0.1:9/v1", "--model", "m", "--requests", "2", "--input-tokens", "8", "--output-tokens", "2", "--json");
        code.ShouldBe(1);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement level = doc.RootElement.GetProperty("levels")[0];
        level.GetProperty("failed").GetInt32().ShouldBe(2);
        level.GetProperty("errorsByKind").GetProperty("connect").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Should_PrintTheUrlAndStop_When_SimulatorHasMaxSeconds()
    {
        (int code, string output, string error) = CliRunner.Run("simulate", "serve", "--max-seconds", "0.2s", "--json");
        code.ShouldBe(0, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("url").GetString().ShouldStartWith("http://127.0.0.1:");
    }

    [Theory]
    [InlineData("--fault", "reset:2")]
    [InlineData("--mode", "chaos")]
    [InlineData("--ttft", "fast")]
    public void Should_ExitWith2_When_SimulatorInputIsBad(string option, string value)
    {
        (int code, _, string error) = CliRunner.Run("simulate", "serve", "--max-seconds", "0.1s", option, value);
        code.ShouldBe(2);
        error.ShouldContain(option);
    }
}
