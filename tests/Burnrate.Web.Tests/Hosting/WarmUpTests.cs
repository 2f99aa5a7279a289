using System.Diagnostics;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Burnrate.Web.Tests.Hosting;

/// <summary>The warm-up <c>burnrate serve</c> runs after it starts listening: real requests over loopback, answered 200, and it
/// ends as soon as the server stops.</summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task Should_SendTheBearerKeyAndGetOkForEveryRequest_When_TheServerRequiresAnApiKey()
    {
        // Given: a server that requires an API key on every /api call
        await using WebApplication app = BurnrateWeb.Build(new ServeSettings { Port = 0, ApiKeyEnv = "KEY" }.Resolve(_ => "0123456789abcdef0123"));
        await app.StartAsync();
        ServeSettings settings = new ServeSettings { Port = 0, ApiKeyEnv = "KEY" }.Resolve(_ => "0123456789abcdef0123");

        // When: it warms up for a few seconds
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        WarmUpResult result = await WarmUp.RunAsync(app, settings, stop.Token);

        // Then: catalog, infer and plan requests were sent and every one was answered 200 (a 401, 400 or 500 would be listed)
        result.Requests.ShouldBeGreaterThanOrEqualTo(3);
        result.Failure.ShouldBeNull();
    }

    [Fact]
    public async Task Should_StopAndNameTheRequest_When_ARequestIsNotAnsweredOk()
    {
        // Given: a server whose key the warm-up does not have
        await using WebApplication app = BurnrateWeb.Build(new ServeSettings { Port = 0, ApiKeyEnv = "KEY" }.Resolve(_ => "0123456789abcdef0123"));
        await app.StartAsync();

        // When
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        WarmUpResult result = await WarmUp.RunAsync(app, new ServeSettings { Port = 0 }, stop.Token);

        // Then: it stops at the first answer that is not 200 and names it, so serve warns instead of claiming a warm server
        result.Failure.ShouldBe("GET /api/catalog/gpus: 401");
        result.Requests.ShouldBe(1);
        result.Completed.ShouldBeFalse();
    }

    [Fact]
    public async Task Should_EndWithinASecond_When_TheServerIsStopping()
    {
        // Given: a warm-up under way
        await using WebApplication app = BurnrateWeb.Build(new ServeSettings { Port = 0 }.Resolve(_ => null));
        await app.StartAsync();
        using var stop = new CancellationTokenSource();
        Task<WarmUpResult> warm = WarmUp.RunAsync(app, new ServeSettings { Port = 0 }, stop.Token);
        await Task.Delay(300);

        // When: the server starts stopping
        var clock = Stopwatch.StartNew();
        await stop.CancelAsync();
        WarmUpResult result = await warm;

        // Then: it ends at once, not after its rounds, and says it did not complete
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        result.Completed.ShouldBeFalse();
    }
}
