using System.Net;
using System.Net.Http.Headers;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Burnrate.Web.Tests.Hosting;

/// <summary>The real server on 127.0.0.1 (a free port), with and without an API key.</summary>
public sealed class SecurityTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("::")]
    public void Should_RefuseToListen_When_TheHostIsNotLoopbackAndNoKeyIsGiven(string host)
    {
        // Given
        var settings = new ServeSettings { Host = host };

        // When
        ArgumentException error = Should.Throw<ArgumentException>(() => settings.Resolve(_ => null));

        // Then
        error.Message.ShouldContain("--api-key-env");
        error.Message.ShouldContain(host);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Should_ListenWithoutAKey_When_TheHostIsLoopback(string host) =>
        new ServeSettings { Host = host }.Resolve(_ => null).ApiKey.ShouldBeNull();

    [Fact]
    public void Should_RefuseAShortKey_When_TheKeyVariableHoldsFewerThan16Characters() =>
        Should.Throw<ArgumentException>(() => new ServeSettings { Host = "0.0.0.0", ApiKeyEnv = "K" }.Resolve(_ => "short")).Message.ShouldContain("16 characters");

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong-key-wrong-key-wrong", HttpStatusCode.Unauthorized)]
    [InlineData("Basic " + Key, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer " + Key, HttpStatusCode.OK)]
    public async Task Should_CheckTheBearerKey_When_AKeyIsRequired(string? authorization, HttpStatusCode expected)
    {
        // Given
        await using WebApplication app = await Start(new ServeSettings { Host = "127.0.0.1", Port = 0, ApiKeyEnv = "BURNRATE_TEST_KEY" }.Resolve(_ => Key));
        using var client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(app)), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/catalog/gpus");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // When
        using HttpResponseMessage response = await client.SendAsync(request);

        // Then
        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Unauthorized)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
    }

    [Fact]
    public async Task Should_ServePagesWithoutAKey_When_OnlyTheApiNeedsIt()
    {
        // Given
        await using WebApplication app = await Start(new ServeSettings { Port = 0, ApiKeyEnv = "K" }.Resolve(_ => Key));
        using var client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(app)), Timeout = TimeSpan.FromSeconds(30) };

        // When
        using HttpResponseMessage response = await client.GetAsync(new Uri("plan", UriKind.Relative));

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Answer413_When_TheBodyIsOver1MB()
    {
        // Given
        await using WebApplication app = await Start(new ServeSettings { Port = 0 }.Resolve(_ => null));
        using var client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(app)), Timeout = TimeSpan.FromSeconds(30) };
        using var body = new ByteArrayContent(new byte[(1 << 20) + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // When
        using HttpResponseMessage response = await client.PostAsync(new Uri("api/plan", UriKind.Relative), body);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/plan")]
    [InlineData("/api/catalog/gpus")]
    [InlineData("/assets/app.js")]
    public async Task Should_SendSecurityHeaders_When_AnythingIsServed(string url)
    {
        // Given
        await using WebApplication app = await Start(new ServeSettings { Port = 0 }.Resolve(_ => null));
        using var client = new HttpClient { BaseAddress = new Uri(BurnrateWeb.ListeningUrl(app)), Timeout = TimeSpan.FromSeconds(30) };

        // When
        using HttpResponseMessage response = await client.GetAsync(new Uri(url.TrimStart('/'), UriKind.Relative));

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
    }

    private static async Task<WebApplication> Start(ServeSettings settings)
    {
        WebApplication app = BurnrateWeb.Build(settings);
        await app.StartAsync();
        return app;
    }
}
