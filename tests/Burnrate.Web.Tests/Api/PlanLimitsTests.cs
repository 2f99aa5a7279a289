using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Burnrate.Web.Tests.Api;

/// <summary><c>POST /api/plan</c> has a time limit as optimize and fleet do (504, the run slot freed), and a plan stopped by it is
/// not kept: the same request later runs again rather than getting the timeout from the cache.</summary>
public sealed class PlanLimitsTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Should_AnswerGatewayTimeout_When_ThePlanOutlastsTheServersLimit()
    {
        // Given: a server that allows a plan 1 ms, and a plan of 200,000 paths (tens of milliseconds at least)
        using WebApplicationFactory<ServeSettings> limited = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new ServeSettings { PlanRunLimit = TimeSpan.FromMilliseconds(1) })));
        using HttpClient client = limited.CreateClient();
        var body = new { example = "api-startup", paths = 200_000, seed = 7 };
        RunCache cache = limited.Services.GetRequiredService<RunCache>();
        long before = cache.Computations;

        // When
        using HttpResponseMessage first = await client.PostAsJsonAsync("/api/plan", body);
        using HttpResponseMessage second = await client.PostAsJsonAsync("/api/plan", body);

        // Then: stopped and told why, as a problem; the slot is free; the timeout was not kept as the answer (a second run timed out too,
        // where a kept answer would come back without running)
        string text = await first.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout, text);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(text)!["detail"]!.GetValue<string>().ShouldContain("stopped after 0.001 s");
        second.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        (cache.Computations - before).ShouldBe(2);
        RunGate gate = limited.Services.GetRequiredService<RunGate>();
        gate.Free.ShouldBe(gate.Capacity);
    }
}
