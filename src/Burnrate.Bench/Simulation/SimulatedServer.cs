using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Simulation;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (Kestrel) serving <c>/v1/chat/completions</c> and <c>/v1/completions</c>,
/// streaming (SSE) and not, with fixed or continuous-batching timing and seeded fault injection.
/// </summary>
public sealed partial class SimulatedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorOptions _options;
    private readonly BatchingEngine? _engine;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly Tokenizer _tokenizer;
    private long _nextId;

    private SimulatedServer(WebApplication app, SimulatorOptions options, Tokenizer tokenizer)
    {
        _app = app;
        _options = options;
        _tokenizer = tokenizer;
        _random = new Random(options.Seed);
        _engine = options.Mode == SimulationMode.Batching ? new BatchingEngine(options.Steps, options.MaxBatchSize) : null;
    }

    /// <summary>Gets the base URL, e.g. http://127.0.0.1:41234/v1.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets the counts of faults injected so far, by kind.</summary>
    public IReadOnlyDictionary<SimulatedFault, int> FaultsInjected
    {
        get
        {
            lock (_faultCounts)
            {
                return new Dictionary<SimulatedFault, int>(_faultCounts);
            }
        }
    }

    /// <summary>Gets the number of requests received.</summary>
    public long RequestsReceived => Interlocked.Read(ref _nextId);

    private readonly Dictionary<SimulatedFault, int> _faultCounts = [];

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<SimulatedServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxConcurrentConnections = null;
            k.AddServerHeader = false;
        });
        WebApplication app = builder.Build();
        var server = new SimulatedServer(app, options, BenchTokenizer.O200k);
        app.MapPost("/v1/chat/completions", context => server.HandleAsync(context, chat: true));
        app.MapPost("/v1/completions", context => server.HandleAsync(context, chat: false));
        app.MapGet("/v1/models", context => context.Response.WriteAsync(
            "{\"object\":\"list\",\"data\":[{\"id\":\"" + options.ModelName + "\",\"object\":\"model\",\"owned_by\":\"burnrate\"}]}", context.RequestAborted));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private SimulatedFault? DrawFault()
    {
        if (_options.Faults.Total <= 0)
        {
            return null;
        }

        double u;
        lock (_randomLock)
        {
            u = _random.NextDouble();
        }

        SimulatedFault? fault = _options.Faults.Pick(u);
        if (fault is { } f)
        {
            lock (_faultCounts)
            {
                _faultCounts[f] = _faultCounts.GetValueOrDefault(f) + 1;
            }
        }

        return fault;
    }
}
