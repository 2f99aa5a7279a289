using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Burnrate.Web.Tests.Api;

/// <summary><c>POST /api/optimize</c> is bounded: each search list has a cap (400 naming the field and the maximum), and a
/// search has a time limit (504).</summary>
public sealed class OptimizeLimitsTests(WebFactory factory) : IClassFixture<WebFactory>
{
    public static TheoryData<string, object, string> OverCap => new()
    {
        { "models", new { models = Enumerable.Repeat("llama-3.1-8b", 33) }, "models '33 values' is not allowed; expected at most 32 values in one search" },
        { "gpusAllowed", new { models = new[] { "llama-3.1-8b" }, gpusAllowed = Enumerable.Repeat("h100-sxm", 65) }, "gpusAllowed '65 values' is not allowed; expected at most 64 values" },
        { "weights", new { models = new[] { "llama-3.1-8b" }, weights = Enumerable.Repeat("fp8", 17) }, "weights '17 values' is not allowed; expected at most 16 values" },
        { "kv", new { models = new[] { "llama-3.1-8b" }, kv = Enumerable.Repeat("fp8", 17) }, "kv '17 values' is not allowed; expected at most 16 values" },
        { "concurrency", new { models = new[] { "llama-3.1-8b" }, concurrency = Enumerable.Range(1, 20_000) }, "concurrency '20,000 values' is not allowed; expected at most 256 values" },
        { "replicas", new { models = new[] { "llama-3.1-8b" }, replicas = Enumerable.Range(1, 65) }, "replicas '65 values' is not allowed; expected at most 64 values" },
    };

    [Theory]
    [MemberData(nameof(OverCap))]
    public async Task Should_RefuseTheListNamingItsMaximum_When_ASearchListIsOverItsCap(string field, object body, string expected)
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/optimize", body);

        // Then: one message for the list as a whole (not one per entry), naming the member and the maximum
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode problem = JsonNode.Parse(text)!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field], text);
        problem["errors"]![field]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldStartWith(expected, Case.Sensitive, text);
    }

    [Fact]
    public async Task Should_AcceptTheLists_When_EachIsAtItsCap()
    {
        // Given: the longest concurrency list allowed, in one small search
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/optimize",
            new { models = new[] { "llama-3.1-8b" }, gpusAllowed = new[] { "h100-sxm" }, maxDevices = 1, weights = new[] { "fp8" }, kv = new[] { "fp8" }, concurrency = Enumerable.Range(1, 256) });

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static readonly string[] Models = ["llama-3.1-8b", "llama-3.1-70b", "llama-3.2-1b", "llama-3.2-3b", "mistral-7b", "mixtral-8x7b", "qwen2.5-7b", "qwen2.5-72b"];

    [Fact]
    public async Task Should_AnswerGatewayTimeout_When_TheSearchOutlastsTheServersLimit()
    {
        // Given: a server that allows a search 1 ms, and a search of seconds (eight models on every priced accelerator, up to
        // 8 devices, 256 concurrencies and 16 replica counts). The limit is a timer whose callback waits for a free pool thread: a search of
        // 30 ms once finished before a loaded machine ran it.
        using WebApplicationFactory<ServeSettings> limited = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new ServeSettings { OptimizeRunLimit = TimeSpan.FromMilliseconds(1) })));
        using HttpClient client = limited.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/optimize",
            new { models = Models, concurrency = Enumerable.Range(1, 256), replicas = Enumerable.Range(1, 16) });

        // Then: the search was stopped and the client told why, as a problem, and the run slot is free again
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout, text);
        JsonNode.Parse(text)!["detail"]!.GetValue<string>().ShouldContain("stopped after 0.001 s");
        RunGate gate = limited.Services.GetRequiredService<RunGate>();
        gate.Free.ShouldBe(gate.Capacity);
    }
}
