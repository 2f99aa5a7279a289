using System.Net;
using System.Text.Json.Nodes;

namespace Burnrate.Web.Tests.Api;

/// <summary>A 400 names the member the client sent (the CLI's option names in camelCase: kv, tp, seqLen), never the library
/// record's member (kvCache, tensorParallel, sequenceLength), in the errors map, the fields list and the message.</summary>
public sealed class FieldNameTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Theory]
    [InlineData("/api/optimize", """{"models": ["llama-3.1-8b"], "kv": ["fp3"]}""", "kv")]
    [InlineData("/api/infer", """{"model": "llama-3.1-8b", "gpu": "h100-sxm", "kv": "fp3"}""", "kv")]
    [InlineData("/api/infer", """{"model": "llama-3.1-8b", "gpu": "h100-sxm", "tp": 0}""", "tp")]
    [InlineData("/api/train", """{"model": "llama-3.1-8b", "tokens": 1e12, "gpu": "h100-sxm", "gpus": 8, "seqLen": 0}""", "seqLen")]
    [InlineData("/api/train", """{"model": "llama-3.1-8b", "tokens": 1e12, "gpu": "h100-sxm", "gpus": 8, "dp": 0}""", "dp")]
    public async Task Should_NameTheMemberTheClientSent_When_ItIsRefused(string endpoint, string body, string member)
    {
        // Given
        using HttpClient client = factory.CreateClient();

        // When
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(endpoint, content);

        // Then: the errors map, the fields list and the message all use the body's name (not kvCache, tensorParallel, …)
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonNode problem = JsonNode.Parse(text)!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe([member], text);
        problem["errors"]![member]![0]!.GetValue<string>().ShouldStartWith(member + " '", Case.Sensitive, text);
        problem["fields"]![0]!["field"]!.GetValue<string>().ShouldBe(member, text);
    }
}
