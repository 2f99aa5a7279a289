using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Burnrate.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Burnrate.Web.Tests.Api;

/// <summary>POST /api/optimize takes a slot of the run gate plan and fleet runs use (one per core), and says 429 with Retry-After when none frees up.</summary>
public sealed class OptimizeGateTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private const string Body = """{"models": ["llama-3.1-8b"], "gpusAllowed": ["h100-sxm"], "maxDevices": 2}""";

    [Fact]
    public async Task Should_AnswerTooManyRequestsWithRetryAfter_When_EveryRunSlotIsTaken()
    {
        // Given: every slot of the app's gate held (as by running plans)
        using HttpClient client = factory.CreateClient();
        RunGate gate = factory.Services.GetRequiredService<RunGate>();
        var held = new List<IDisposable>();
        for (int i = 0; i < gate.Capacity; i++)
        {
            held.Add((await gate.EnterAsync(CancellationToken.None)).ShouldNotBeNull());
        }

        // When
        using HttpResponseMessage busy = await client.PostAsync("/api/optimize", new StringContent(Body, Encoding.UTF8, "application/json"));

        // Then: refused after the bounded wait, with a problem and a retry hint
        string text = await busy.Content.ReadAsStringAsync();
        busy.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, text);
        busy.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        busy.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        JsonNode.Parse(text)!["detail"]!.GetValue<string>().ShouldContain($"At most {gate.Capacity}");

        // And when the slots are free again, the same request is answered
        held.ForEach(h => h.Dispose());
        using HttpResponseMessage ok = await client.PostAsync("/api/optimize", new StringContent(Body, Encoding.UTF8, "application/json"));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_ReleaseItsSlot_When_ASearchIsAnswered()
    {
        // Given
        using HttpClient client = factory.CreateClient();
        RunGate gate = factory.Services.GetRequiredService<RunGate>();

        // When: more searches one after another than there are slots
        for (int i = 0; i < gate.Capacity + 2; i++)
        {
            using HttpResponseMessage response = await client.PostAsync("/api/optimize", new StringContent(Body, Encoding.UTF8, "application/json"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Then: every slot is free again
        var slots = new List<IDisposable?>();
        for (int i = 0; i < gate.Capacity; i++)
        {
            slots.Add(await gate.EnterAsync(CancellationToken.None));
        }

        slots.ShouldAllBe(s => s != null);
        slots.ForEach(s => s!.Dispose());
    }
}
