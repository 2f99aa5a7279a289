using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Burnrate.Web.Tests.Api;

public sealed class BenchApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static readonly string SummaryA = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench.summary.json"));

    // B: the same run with every level's output throughput 20% higher, so each relative change is known.
    private static string SummaryB()
    {
        JsonNode b = JsonNode.Parse(SummaryA)!;
        foreach (JsonNode? level in b["levels"]!.AsArray())
        {
            level!["outputTokensPerSecond"] = level["outputTokensPerSecond"]!.GetValue<double>() * 1.2;
        }

        return b.ToJsonString();
    }

    [Fact]
    public async Task Should_EqualTheCliJson_When_TheSameTwoSummariesAreCompared()
    {
        // Given
        using TempFolder temp = new();
        string a = temp.Write("a.json", SummaryA), b = temp.Write("b.json", SummaryB());
        CliRun cli = CliRunner.Run("bench", "compare", a, b, "--json");
        using HttpClient client = factory.CreateClient();

        // When: the API is given the files' contents and the same names the CLI shows
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/bench/compare",
            new { a = JsonNode.Parse(SummaryA), b = JsonNode.Parse(SummaryB()), aName = a, bName = b });

        // Then
        cli.ExitCode.ShouldBe(0, cli.Error);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonNode api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonNode.DeepEquals(api, JsonNode.Parse(cli.Output)).ShouldBeTrue();
        api["rows"]!.AsArray().Where(r => r!["metric"]!.GetValue<string>() == "outputTokensPerSecond")
            .ShouldAllBe(r => Math.Abs(r!["relativeChange"]!.GetValue<double>() - 0.2) < 1e-9);
    }

    [Fact]
    public async Task Should_NameFieldBWithValueAndAllowed_When_BIsNotABenchSummary()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/bench/compare",
            new { a = JsonNode.Parse(SummaryA), b = new { kind = "something-else" }, bName = "other.json" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!["b"]![0]!.GetValue<string>().ShouldContain("kind is 'something-else'");
        problem["errors"]!.AsObject().ContainsKey("a").ShouldBeFalse();
        JsonNode field = problem["fields"]!.AsArray().Single()!;
        field["field"]!.GetValue<string>().ShouldBe("b");
        field["value"]!.GetValue<string>().ShouldBe("other.json");
        field["allowed"]!.GetValue<string>().ShouldContain("bench summary.json");
    }

    [Fact]
    public async Task Should_NameBothFields_When_NeitherSummaryIsGiven()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/bench/compare", new { aName = "x" });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["fields"]!.AsArray().Select(f => f!["field"]!.GetValue<string>()).ShouldBe(["a", "b"]);
    }
}
