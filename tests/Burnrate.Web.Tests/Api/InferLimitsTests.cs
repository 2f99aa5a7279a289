using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Burnrate.Web.Tests.Api;

/// <summary><c>POST /api/infer</c>'s lists are capped like optimize's: a sweep or a comparison over its cap is refused as a whole
/// (one message naming the maximum), so a 1 MB body cannot ask for 200,000 estimates.</summary>
public sealed class InferLimitsTests(WebFactory factory) : IClassFixture<WebFactory>
{
    public static TheoryData<string, object, string> OverCap => new()
    {
        { "sweepConcurrency", new { model = "llama-3.1-8b", gpu = "h100-sxm", sweepConcurrency = Enumerable.Range(1, 20_000) }, "sweepConcurrency '20,000 values' is not allowed; expected at most 256 values in one sweep" },
        { "compare", new { model = "llama-3.1-8b", gpu = "h100-sxm", compare = Enumerable.Repeat(new { model = "llama-3.1-8b", gpu = "h100-sxm", weights = "fp8" }, 33) }, "compare '33 values' is not allowed; expected at most 32 values in one comparison" },
    };

    [Theory]
    [MemberData(nameof(OverCap))]
    public async Task Should_RefuseTheListNamingItsMaximum_When_AnInferListIsOverItsCap(string field, object body, string expected)
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/infer", body);

        // Then
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonNode problem = JsonNode.Parse(text)!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field], text);
        problem["errors"]![field]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldStartWith(expected, Case.Sensitive, text);
    }

    [Fact]
    public async Task Should_AnswerEveryRow_When_TheSweepIsAtItsCap()
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/infer", new { model = "llama-3.1-8b", gpu = "h100-sxm", sweepConcurrency = Enumerable.Range(1, 256) });

        // Then
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        JsonNode.Parse(text)!["sweep"]!.AsArray().Count.ShouldBe(256, text);
    }
}
