using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Burnrate.Web.Api;
using Burnrate.Web.Dashboard;
using Burnrate.Web.Hosting;

namespace Burnrate.Web;

/// <summary>Composes the Burnrate web app: services, the security middleware, the API areas, OpenAPI and the dashboard.</summary>
public static class BurnrateWeb
{
    /// <summary>Builds the app for already resolved settings (see <see cref="ServeSettings.Resolve"/>).</summary>
    /// <param name="settings">Where to listen and which key and catalog to use.</param>
    /// <param name="args">Host arguments (logging levels and the like).</param>
    /// <returns>The app, not yet started.</returns>
    public static WebApplication Build(ServeSettings settings, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(BurnrateWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddBurnrate(settings);
        KeepThreadsForRequests();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = SecurityMiddleware.MaxBodyBytes;
            IPAddress address = settings.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(settings.Host);
            kestrel.Listen(address, settings.Port);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        WebApplication app = builder.Build();
        app.UseMiddleware<SecurityMiddleware>();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapCatalogApi();
        app.MapPlanApi();
        app.MapBenchApi();
        app.MapFleetApi();
        app.MapLedgerApi();
        app.MapCostModelApi();
        app.MapDashboard();
        return app;
    }

    /// <summary>
    /// Raises the thread pool's minimum to two threads per core. Each plan, fleet or optimize run holds a pool thread for its whole
    /// run, and <see cref="RunGate"/> admits one run per core; the pool's default minimum is also one thread per core, so with every
    /// slot taken no thread was left for Kestrel's I/O and the short requests (catalog, infer) until the pool injected more at its own
    /// pace (hill climbing, a thread every few hundred ms at best). A second thread per core keeps them served while runs compute.
    /// </summary>
    private static void KeepThreadsForRequests()
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        int wanted = 2 * Environment.ProcessorCount;
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completionPorts);
        }
    }

    /// <summary>Gets the address a started app listens on (the real port when the settings asked for port 0).</summary>
    /// <param name="app">A started app.</param>
    /// <returns>The URL, e.g. http://127.0.0.1:8080/.</returns>
    public static string ListeningUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? app.Urls.First();
        return address.TrimEnd('/') + "/";
    }

    /// <summary>Registers the settings, the run gate, JSON options (the CLI's) and OpenAPI.</summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddBurnrate(this IServiceCollection services, ServeSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new RunGate(Environment.ProcessorCount));
        services.AddSingleton(new WebExamples(settings.Catalog));
        services.AddSingleton(new RunCache(64));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>Sets the JSON options every Burnrate surface uses: camelCase, nulls left out, base units.</summary>
    /// <param name="options">The options to set.</param>
    internal static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }
}
