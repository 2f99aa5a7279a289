using System.Globalization;
using System.Net;
using Burnrate.Catalog;
using Burnrate.Core.Validation;
using Burnrate.Ledger;

namespace Burnrate.Web.Hosting;

/// <summary>How <c>burnrate serve</c> listens: address, port, the API key a non-loopback address requires, and the catalog it answers from.</summary>
public sealed record ServeSettings
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The default address: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>Gets the address to bind ("127.0.0.1", "::1", "localhost" or another IP address).</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>Gets the TCP port (0 lets the system pick a free one).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Gets the name of the environment variable holding the API key, or null for none.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Gets the API key every <c>/api</c> call must send as <c>Authorization: Bearer KEY</c>, or null when none is required.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets the catalog the API answers from (the embedded one plus any files the operator named, never files named by a request).</summary>
    public BurnrateCatalog Catalog { get; init; } = BurnrateCatalog.Embedded;

    /// <summary>
    /// Gets the ledger the ledger endpoints and page read (named by the operator with --ledger or --db, never by a request): a
    /// DuckDB file or a <c>clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]</c> address; null for none.
    /// </summary>
    public string? LedgerPath { get; init; }

    /// <summary>
    /// Gets the self-hosted deployments (the operator's <c>--deployments FILE</c>, as <c>burnrate ledger report --deployments</c>
    /// takes it) whose capacity the ledger report puts in the cost; none by default.
    /// </summary>
    public IReadOnlyList<Burnrate.Ledger.SelfHosted.SelfHostedDeployment> LedgerDeployments { get; init; } = [];

    /// <summary>Gets the name of the environment variable holding the ClickHouse user (--db-user-env), or null for the server's default user.</summary>
    public string? LedgerUserEnv { get; init; }

    /// <summary>Gets the name of the environment variable holding the ClickHouse password (--db-password-env), or null for none.</summary>
    public string? LedgerPasswordEnv { get; init; }

    /// <summary>Gets the ClickHouse user and password read from <see cref="LedgerUserEnv"/> and <see cref="LedgerPasswordEnv"/>.</summary>
    public LedgerCredentials LedgerCredentials { get; init; } = LedgerCredentials.None;

    /// <summary>Gets how long one <c>POST /api/fleet</c> run (every solve of it: expected demand, scenarios, contracts, marginal
    /// values) may take before it is interrupted and answered 504; default 5 minutes.</summary>
    public TimeSpan FleetRunLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how long one <c>POST /api/optimize</c> search may take before it is stopped and answered 504; default 1 minute
    /// (the default search, every priced accelerator up to 8 devices, takes well under a second).</summary>
    public TimeSpan OptimizeRunLimit { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how long one <c>POST /api/plan</c> run may take before it is stopped and answered 504; default 1 minute (a 10,000-path
    /// plan of 36 months takes about 10 ms; 1,000,000 paths over 600 months, about 20 s of one core).</summary>
    public TimeSpan PlanRunLimit { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets whether <see cref="Host"/> is a loopback address.</summary>
    public bool IsLoopback => Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host, out IPAddress? ip) && IPAddress.IsLoopback(ip));

    /// <summary>Gets the address clients use, e.g. http://127.0.0.1:8080/.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}/");

    /// <summary>
    /// Reads the API key from <see cref="ApiKeyEnv"/> and checks the settings: a non-loopback host needs a key of at least 16 characters.
    /// </summary>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    /// <returns>The settings with <see cref="ApiKey"/> filled in.</returns>
    /// <exception cref="ArgumentException">The settings are not allowed; the message says what to do.</exception>
    public ServeSettings Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port must be between 0 and 65535, got {Port}");
        }

        if (!IsLoopback && !IPAddress.TryParse(Host, out _))
        {
            throw new ArgumentException($"--host must be an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost, got \"{Host}\"");
        }

        LedgerCredentials credentials = LedgerCredentials.None;
        if (LedgerPath is { } ledger && LedgerDatabase.IsServer(ledger))
        {
            // The address is checked now (a typo is a usage error at start); the server itself only when a request needs it,
            // so the dashboard comes up while ClickHouse is down and the ledger endpoint answers 503 until it is back.
            try
            {
                LedgerDatabase.CheckAddress(ledger);
            }
            catch (InputException e)
            {
                throw new ArgumentException($"--ledger '{ledger}' is not allowed; expected {e.Errors[0].Allowed}", e);
            }

            credentials = new LedgerCredentials(Variable(environment, "--db-user-env", LedgerUserEnv), Variable(environment, "--db-password-env", LedgerPasswordEnv));
        }
        else if (LedgerPath is { } file && !File.Exists(file))
        {
            throw new ArgumentException($"--ledger {file}: file not found (make one with burnrate ledger import FILE --format F --db {file})");
        }
        else if (LedgerUserEnv is not null || LedgerPasswordEnv is not null)
        {
            throw new ArgumentException("--db-user-env and --db-password-env apply to a clickhouse:// ledger only");
        }

        if (LedgerDeployments.Count > 0 && LedgerPath is null)
        {
            throw new ArgumentException("--deployments applies to a ledger: add --ledger FILE or --ledger clickhouse://HOST:8123/DATABASE");
        }

        string? key = null;
        if (ApiKeyEnv is { } name)
        {
            key = environment(name);
            if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < 16)
            {
                throw new ArgumentException($"--api-key-env {name}: the environment variable must hold a key of at least 16 characters (e.g. export {name}=$(openssl rand -hex 24))");
            }

            key = key.Trim();
        }

        if (!IsLoopback && key is null)
        {
            throw new ArgumentException($"--host {Host} is not a loopback address: anyone on the network could call the API, so it requires --api-key-env NAME (a Bearer key read from the environment variable NAME)");
        }

        return this with { ApiKey = key, LedgerCredentials = credentials };
    }

    private static string? Variable(Func<string, string?> environment, string option, string? name) =>
        name is null ? null
        : environment(name) is { Length: > 0 } value ? value
        : throw new ArgumentException($"{option}: environment variable '{name}' is not set");
}
