using System.Net.Http.Json;
using Burnrate.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Burnrate.Web.Tests.Hosting;

public sealed class RunCacheTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Should_ComputeOnce_When_SixteenIdenticalRequestsArriveTogether()
    {
        // Given a computation that does not finish until released
        var cache = new RunCache(4);
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        int runs = 0;

        // When
        Task<string>[] waiters = [.. Enumerable.Range(0, 16).Select(_ => cache.GetOrRunAsync("k", _ => { Interlocked.Increment(ref runs); return release.Task; }, _ => true, CancellationToken.None, CancellationToken.None))];
        release.SetResult("answer");
        string[] answers = await Task.WhenAll(waiters);

        // Then
        answers.ShouldAllBe(a => a == "answer");
        runs.ShouldBe(1);
        (await cache.GetOrRunAsync("k", _ => Task.FromResult("again"), _ => true, CancellationToken.None, CancellationToken.None)).ShouldBe("answer");
        cache.Computations.ShouldBe(1);
    }

    [Fact]
    public async Task Should_CancelTheComputation_When_EveryWaitingRequestGoesAway()
    {
        // Given two requests waiting on one computation
        var cache = new RunCache(4);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var clientA = new CancellationTokenSource();
        using var clientB = new CancellationTokenSource();
        async Task<string> Run(CancellationToken token)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }

            return "never";
        }

        Task<string> a = cache.GetOrRunAsync("k", Run, _ => true, clientA.Token, CancellationToken.None);
        Task<string> b = cache.GetOrRunAsync("k", Run, _ => true, clientB.Token, CancellationToken.None);

        // When one goes away the other still waits; when both have, the computation stops
        await clientA.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => a);
        await Task.Delay(50);
        cancelled.Task.IsCompleted.ShouldBeFalse();
        await clientB.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => b);

        // Then
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await cache.GetOrRunAsync("k", _ => Task.FromResult("fresh"), _ => true, CancellationToken.None, CancellationToken.None)).ShouldBe("fresh");
    }

    [Fact]
    public async Task Should_DropTheLeastRecentlyUsedAnswer_When_MoreThanCapacityAreKept()
    {
        // Given
        var cache = new RunCache(2);
        Task<string> Get(string key, string value) => cache.GetOrRunAsync(key, _ => Task.FromResult(value), _ => true, CancellationToken.None, CancellationToken.None);
        await Get("a", "1");
        await Get("b", "2");
        await Get("a", "ignored"); // a is now the most recently used

        // When
        await Get("c", "3");

        // Then
        (await Get("a", "new a")).ShouldBe("1");
        (await Get("b", "new b")).ShouldBe("new b");
    }

    [Fact]
    public async Task Should_NotKeepAnAnswer_When_ItMustNotBeKept()
    {
        // Given
        var cache = new RunCache(2);

        // When
        await cache.GetOrRunAsync("k", _ => Task.FromResult("busy"), a => a != "busy", CancellationToken.None, CancellationToken.None);
        await Task.Delay(20);

        // Then
        (await cache.GetOrRunAsync("k", _ => Task.FromResult("done"), a => a != "busy", CancellationToken.None, CancellationToken.None)).ShouldBe("done");
    }

    [Fact]
    public async Task Should_AnswerARepeatedPlanFromMemory_When_ScenarioPathsSeedAndFactorsAreTheSame()
    {
        // Given
        using HttpClient client = factory.CreateClient();
        RunCache cache = factory.Services.GetRequiredService<RunCache>();
        var body = new { example = "api-startup", paths = 700, seed = 11 };
        using HttpResponseMessage first = await client.PostAsJsonAsync("/api/plan", body);
        long computed = cache.Computations;

        // When
        using HttpResponseMessage second = await client.PostAsJsonAsync("/api/plan", body);
        using HttpResponseMessage other = await client.PostAsJsonAsync("/api/plan", new { example = "api-startup", paths = 700, seed = 12 });

        // Then
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        cache.Computations.ShouldBe(computed + 1); // only the other seed ran
        (await other.Content.ReadAsStringAsync()).ShouldNotBe(await first.Content.ReadAsStringAsync());
    }
}
