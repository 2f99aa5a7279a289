using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Burnrate.Web;
using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate serve</c>: the web dashboard and HTTP API (loopback only unless an API key is given); Ctrl-C or SIGTERM stops it
/// gracefully and it exits 130 or 143, as <c>simulate serve</c>, <c>bench</c> and <c>fleet</c> do.</summary>
internal sealed class ServeCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly Option<int> _port = new("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => ServeSettings.DefaultPort };
    private readonly Option<string> _host = new("--host") { Description = "Address to listen on; anything but loopback requires --api-key-env", DefaultValueFactory = _ => ServeSettings.DefaultHost };
    private readonly Option<string?> _apiKeyEnv = new("--api-key-env") { Description = "Environment variable holding the API key every /api call must send as 'Authorization: Bearer KEY'" };
    // --db as well, the ledger commands' name for the same thing.
    private readonly Option<string?> _ledger = new("--ledger", "--db")
    {
        Description = "The ledger for the ledger page and POST /api/ledger/report: a file (from burnrate ledger import) or clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME] (docs/ledger.md)",
    };

    private readonly Option<string?> _deployments = new("--deployments")
    {
        Description = "Deployments YAML (as ledger report --deployments takes it): the ledger report puts their GPU-hours in the cost, idle capacity a row of its own",
    };

    private readonly Option<string?> _userEnv = new("--db-user-env") { Description = "The environment variable holding the ClickHouse user for --ledger (default: the server's default user)" };
    private readonly Option<string?> _passwordEnv = new("--db-password-env") { Description = "The environment variable holding the ClickHouse password for --ledger" };
    private readonly Option<bool> _open = new("--open") { Description = "Open the dashboard in the default browser" };

    public ServeCommand(GlobalOptions globals)
        : base("serve", "Web dashboard and HTTP API (cost model, plan, bench) on http://127.0.0.1:8080/")
    {
        _globals = globals;
        foreach (Option option in new Option[] { _port, _host, _apiKeyEnv, _ledger, _deployments, _userEnv, _passwordEnv, _open })
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        ServeSettings settings;
        try
        {
            settings = new ServeSettings
            {
                Host = parse.GetRequiredValue(_host),
                Port = parse.GetValue(_port),
                ApiKeyEnv = parse.GetValue(_apiKeyEnv),
                LedgerPath = parse.GetValue(_ledger),
                LedgerUserEnv = parse.GetValue(_userEnv),
                LedgerPasswordEnv = parse.GetValue(_passwordEnv),
                LedgerDeployments = parse.GetValue(_deployments) is { } deployments ? Ledger.SelfHosted.DeploymentsYaml.ReadFile(deployments) : [],
                Catalog = _globals.LoadCatalog(parse),
            }.Resolve(Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        // A deployment that does not resolve is the operator's typo: refuse to start (exit 2) rather than answer 500 on every report.
        Ledger.SelfHosted.SelfHostedEngine.Check(settings.Catalog, settings.LedgerDeployments);
        TextWriter output = parse.InvocationConfiguration.Output;

        // Registered before the host's own Ctrl-C/SIGTERM handling (which stops it gracefully), so the signal is on record
        // by the time the host has stopped.
        using var stop = new SignalStop(parse.InvocationConfiguration.Error, "serve: stopping", CancellationToken.None);
        using WebApplication app = BurnrateWeb.Build(settings);
        using CancellationTokenRegistration onSignal = stop.Token.Register(() => app.Lifetime.StopApplication());
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new IOException($"cannot listen on {settings.Host}:{settings.Port}: {e.Message}", e);
        }

        string url = BurnrateWeb.ListeningUrl(app);
        output.WriteLine($"Burnrate dashboard on {url} (Ctrl-C stops)");
        if (settings.ApiKey is not null)
        {
            output.WriteLine($"Listening beyond loopback: every /api call must send 'Authorization: Bearer <the key in ${settings.ApiKeyEnv}>'.");
        }

        if (parse.GetValue(_open))
        {
            Open(url, parse.InvocationConfiguration.Error);
        }

        // It serves from here on; the warm-up compiles the API's hot paths in the background and says when it is ready for load.
        IHostApplicationLifetime lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        Task warm = WarmUp.RunAsync(app, settings, lifetime.ApplicationStopping)
            .ContinueWith(t => Said(output, parse.InvocationConfiguration.Error, t, lifetime.ApplicationStopping), TaskScheduler.Default);
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        warm.GetAwaiter().GetResult();
        output.WriteLine("Stopped.");
        return stop.ExitCode ?? ExitCodes.Success;
    }

    private static void Said(TextWriter output, TextWriter error, Task<WarmUpResult> warm, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return; // stopped before it was ready: nothing to say
        }

        if (!warm.IsCompletedSuccessfully)
        {
            error.WriteLine($"warning: the warm-up failed ({warm.Exception?.GetBaseException().Message}); serving without it");
            return;
        }

        WarmUpResult result = warm.Result;
        if (result.Failure is { } failure)
        {
            error.WriteLine($"warning: the warm-up stopped at a request not answered 200 ({failure}); serving without it");
            return;
        }

        string seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine(result.Completed
            ? $"Ready for load: warmed up in {seconds} s ({result.Rounds} rounds of catalog, infer and plan requests compiled the API's hot paths)"
            : $"Ready for load: warm-up stopped after {seconds} s and {result.Rounds} rounds, before the compiler settled (a busy machine)");
    }

    private static void Open(string url, TextWriter error)
    {
        ProcessStartInfo start = OperatingSystem.IsWindows() ? new(url) { UseShellExecute = true } : new(OperatingSystem.IsMacOS() ? "open" : "xdg-open");
        if (!OperatingSystem.IsWindows())
        {
            start.ArgumentList.Add(url);
        }

        try
        {
            using Process? browser = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error.WriteLine($"warning: could not open a browser ({e.Message}); open {url} yourself");
        }
    }
}
