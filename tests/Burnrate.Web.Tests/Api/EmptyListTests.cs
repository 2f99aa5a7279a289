using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Burnrate.Web.Tests.Api;

/// <summary>
/// Issue 11 over HTTP on 127.0.0.1: a list field given as <c>[]</c> was given, so the problem says the list is empty and
/// what it may hold, never that the field is "missing" (the check is the library request's Validate(), which the CLI shares).
/// </summary>
public sealed class EmptyListTests : IAsyncLifetime, IDisposable
{
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        _app = BurnrateWeb.Build(new ServeSettings { Port = 0 }.Resolve(_ => null));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(_app)), Timeout = TimeSpan.FromSeconds(60) };
    }

    public void Dispose() => _client?.Dispose();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("""{"models": []}""", "models", "models '[]' is not allowed; expected one or more catalog model ids or config.json paths (the list given is empty)")]
    [InlineData("""{"models": ["llama-3.1-8b"], "weights": []}""", "weights", "weights '[]' is not allowed; expected at least one of bf16, fp16, fp8, int8, int4, fp4 (the list given is empty)")]
    [InlineData("""{"models": ["llama-3.1-8b"], "kv": []}""", "kv", "kv '[]' is not allowed; expected at least one of bf16, fp16, fp8, int8 (the list given is empty)")]
    [InlineData("""{"models": ["llama-3.1-8b"], "concurrency": []}""", "concurrency", "concurrency '[]' is not allowed; expected at least one whole number in [1, 1000000] (the list given is empty)")]
    [InlineData("""{"models": ["llama-3.1-8b"], "replicas": []}""", "replicas", "replicas '[]' is not allowed; expected at least one whole number in [1, 1048576] (the list given is empty)")]
    public async Task Should_SayTheListIsEmptyAndWhatItMayHold_When_AListFieldIsPostedEmpty(string body, string field, string expected)
    {
        // When
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client!.PostAsync("/api/optimize", content);

        // Then
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonNode problem = JsonNode.Parse(text)!;
        problem["errors"]![field]![0]!.GetValue<string>().ShouldBe(expected, text);
        text.ShouldNotContain("missing");
    }
}
