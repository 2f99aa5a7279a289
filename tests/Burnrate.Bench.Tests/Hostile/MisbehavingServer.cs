using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Burnrate.Bench.Tests.Hostile;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 that misbehaves on purpose, one way per path prefix:
/// /big (a 500 KB whitespace-free non-streaming answer), /bigstream (the same as one SSE event), /endless (an SSE stream
/// of small events that never ends), /negative (usage with prompt_tokens −3). Streams stop when the client goes away.
/// </summary>
internal sealed class MisbehavingServer : IAsyncDisposable
{
    public const int BigBytes = 500 * 1024;

    private readonly WebApplication _app;

    private MisbehavingServer(WebApplication app) => _app = app;

    public string Root { get; private set; } = "";

    public Uri Url(string mode) => new(Root + "/" + mode + "/v1");

    public static async Task<MisbehavingServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        string big = new('a', BigBytes);
        app.MapPost("/big/v1/chat/completions", (HttpContext c) => Json(c, "{\"choices\":[{\"message\":{\"content\":\"" + big + "\"}}]}"));
        app.MapPost("/negative/v1/chat/completions", (HttpContext c) => Json(c, "{\"choices\":[{\"message\":{\"content\":\"hi there\"}}],\"usage\":{\"prompt_tokens\":-3,\"completion_tokens\":2}}"));
        app.MapPost("/bigstream/v1/chat/completions", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/event-stream";
            await c.Response.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"" + big + "\"}}]}\n\ndata: [DONE]\n\n", c.RequestAborted);
        });
        app.MapPost("/endless/v1/chat/completions", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/event-stream";
            byte[] chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("data: {\"choices\":[{\"delta\":{\"content\":\"xxxxxxxxxxxxxxxx\"}}]}\n\n", 64)));
            try
            {
                while (!c.RequestAborted.IsCancellationRequested)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client hung up, as it should.
            }
        });
        await app.StartAsync();
        var server = new MisbehavingServer(app)
        {
            Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'),
        };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task Json(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
