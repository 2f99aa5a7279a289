using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Burnrate.Web.Tests.Hosting;

/// <summary>The real server on 127.0.0.1 (a free port): an optimize search stops when its client goes away, and frees its run slot.</summary>
public sealed class OptimizeCancellationTests
{
    [Fact]
    public async Task Should_StopTheSearchAndFreeItsSlot_When_TheClientGoesAway()
    {
        // Given: a search that would run for hours (every catalog model and priced accelerator, up to 2^20 devices in every
        // power-of-two split of 64 replica counts, 256 concurrencies (the caps), SLOs nothing fails) sent to the server over loopback
        await using WebApplication app = BurnrateWeb.Build(new ServeSettings { Port = 0 }.Resolve(_ => null));
        await app.StartAsync();
        RunGate gate = app.Services.GetRequiredService<RunGate>();
        using var client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(app)), Timeout = Timeout.InfiniteTimeSpan };
        string[] models = ["deepseek-v3", "gpt-3-175b", "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b", "llama-3.2-1b", "llama-3.2-3b", "mistral-7b", "mixtral-8x22b", "mixtral-8x7b", "qwen2.5-72b", "qwen2.5-7b"];
        string body = JsonSerializer.Serialize(new { models, maxDevices = 1 << 20, replicas = Enumerable.Range(1, 64), concurrency = Enumerable.Range(1, 256), sloTtft = "100000s", sloTpot = "100000s" });
        using var leave = new CancellationTokenSource();
        Task<HttpResponseMessage> request = client.PostAsync("/api/optimize", new StringContent(body, Encoding.UTF8, "application/json"), leave.Token);
        (await Until(() => gate.Free < gate.Capacity || request.IsCompleted, TimeSpan.FromSeconds(60))).ShouldBeTrue("the search never took a run slot");
        request.IsCompleted.ShouldBeFalse(request.IsCompleted ? await (await request).Content.ReadAsStringAsync() : "");

        // When: the client goes away (the connection closes)
        await leave.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => request);

        // Then: the search stops between layouts and gives its slot back within seconds
        (await Until(() => gate.Free == gate.Capacity, TimeSpan.FromSeconds(20))).ShouldBeTrue("the search kept its slot after the client went away");
    }

    private static async Task<bool> Until(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
