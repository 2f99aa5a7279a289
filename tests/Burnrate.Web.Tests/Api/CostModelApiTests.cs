using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Burnrate.Web.Tests.Api;

/// <summary>Each cost-model endpoint answers with the CLI's <c>--json</c> golden for the same input (the golden files of
/// tests/Burnrate.Cli.Tests/Snapshots/Expectations are shared: a change to either surface's JSON fails here).</summary>
public sealed partial class CostModelApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // area/golden, endpoint, body: the CLI arguments of that golden in camelCase
        { "Infer/llama70b-fp8-json", "/api/infer", """{"model": "llama-3.1-70b", "gpu": "h100-sxm", "gpus": 4, "weights": "fp8", "concurrency": 64}""" },
        { "Infer/sweep-json", "/api/infer", """{"model": "llama-3.1-8b", "gpu": "a100-80gb", "sweepConcurrency": [1, 8, 64, 256]}""" },
        { "Infer/compare-json", "/api/infer", """{"model": "llama-3.1-8b", "gpu": "h100-sxm", "compare": [{"model": "llama-3.1-8b", "gpu": "h100-sxm", "weights": "fp8"}, {"model": "llama-3.1-70b", "gpu": "h100-sxm", "weights": "int4", "gpus": 2}]}""" },
        { "Infer/moe-ep-json", "/api/infer", """{"model": "deepseek-v3", "gpu": "h200", "gpus": 8, "weights": "fp8", "ep": 8, "kv": "fp8"}""" },
        { "Infer/owned-json", "/api/infer", """{"model": "mixtral-8x7b", "gpu": "h100-sxm", "gpus": 2, "owned": true, "electricityUsdPerKWh": 0.12}""" },
        { "Optimize/llama8b-h100-json", "/api/optimize", """{"models": ["llama-3.1-8b"], "gpusAllowed": ["h100-sxm"], "maxDevices": 2}""" },
        { "Optimize/two-models-json", "/api/optimize", """{"models": ["llama-3.1-8b", "llama-3.1-70b"], "gpusAllowed": ["h100-sxm", "a100-80gb"], "maxDevices": 4, "top": 3}""" },
        { "Train/llama70b-1024-json", "/api/train", """{"model": "llama-3.1-70b", "tokens": 15e12, "gpu": "h100-sxm", "gpus": 1024, "tp": 8, "pp": 4}""" },
        { "Train/llama8b-days-json", "/api/train", """{"model": "llama-3.1-8b", "tokens": 1e12, "gpu": "h100-sxm", "days": 30}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_EqualTheCliGolden_When_TheSameInputIsPosted(string golden, string endpoint, string body)
    {
        // Given
        using HttpClient client = factory.CreateClient();
        // A CLI snapshot is "exit N", stdout, then "--- stderr" and stderr when there is any: the JSON is stdout.
        string snapshot = File.ReadAllText(Repository.File($"tests/Burnrate.Cli.Tests/Snapshots/Expectations/{golden}.verified.txt"));
        snapshot.ShouldStartWith("exit 0\n");
        string expected = snapshot["exit 0\n".Length..].Split("--- stderr\n")[0];

        // When
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(endpoint, content);

        // Then (the search's wall-clock time is the one figure that differs run to run; the CLI golden zeroes it too)
        string actual = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, actual);
        JsonNode.DeepEquals(JsonNode.Parse(SearchSeconds().Replace(actual, "\"searchSeconds\": 0")), JsonNode.Parse(expected)).ShouldBeTrue(golden);
    }

    [Fact]
    public async Task Should_NameEachBadFieldWithValueAndAllowed_When_TheInferBodyIsOutOfRange()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/infer", new { model = "llama-3.1-8b", gpu = "h100-sxm", input = 0, concurrency = -3 });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonNode[] fields = [.. problem["fields"]!.AsArray().Select(f => f!)];
        fields.Select(f => f["field"]!.GetValue<string>()).ShouldBe(["input", "concurrency"], ignoreOrder: true);
        fields.Single(f => f["field"]!.GetValue<string>() == "input")["value"]!.GetValue<string>().ShouldBe("0");
        problem["errors"]!["concurrency"]![0]!.GetValue<string>().ShouldContain("'-3'");
    }

    [Fact]
    public async Task Should_SuggestTheNearestId_When_TheModelIsMistyped()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/infer", new { model = "llama-3.1-70", gpu = "h100-sxm" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["model"]![0]!.GetValue<string>().ShouldContain("llama-3.1-70b");
    }

    [Theory]
    [InlineData("/api/infer", """{"model": "/etc/passwd", "gpu": "h100-sxm"}""", "model")]
    [InlineData("/api/infer", """{"model": "config.json", "gpu": "h100-sxm"}""", "model")]
    [InlineData("/api/optimize", """{"models": ["../config.json"]}""", "models")]
    [InlineData("/api/train", """{"model": "/tmp/x.json", "tokens": 1e12, "gpu": "h100-sxm", "gpus": 8}""", "model")]
    public async Task Should_RefuseToReadAFile_When_AModelIsAPath(string endpoint, string body, string field)
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(endpoint, content);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]![0]!.GetValue<string>().ShouldContain("reads no config.json files");
    }

    [Theory]
    [InlineData("sloTtft", "500")]
    [InlineData("sloTpot", "50")]
    public async Task Should_NameTheField_When_AnSloHasNoUnit(string field, string value)
    {
        // Given: the one duration parser; a bare number (seconds or milliseconds?) is refused here as in the CLI
        using HttpClient client = factory.CreateClient();
        string body = $$"""{"models": ["llama-3.1-8b"], "{{field}}": "{{value}}"}""";

        // When
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync("/api/optimize", content);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]![0]!.GetValue<string>();
        message.ShouldContain($"'{value}'");
        message.ShouldContain("with a unit");
    }

    [GeneratedRegex("\"searchSeconds\": [0-9.eE+-]+")]
    private static partial Regex SearchSeconds();
}
