// dotnet run --project src/Burnrate.Web -- [--host 127.0.0.1] [--port 8080] [--api-key-env NAME] [--ledger FILE|clickhouse://…] [--db-user-env NAME]
// [--db-password-env NAME]   (burnrate serve does the same; --db is --ledger's other name)
using Burnrate.Web;
using Burnrate.Web.Hosting;

// As the CLI does: a build without the DuckDB/OR-Tools natives beside it finds them in the natives cache (docs/natives.md).
Burnrate.Catalog.Natives.NativeLoader.Register();

IConfiguration options = new ConfigurationBuilder().AddCommandLine(args).Build();
ServeSettings settings = new ServeSettings
{
    Host = options["host"] ?? ServeSettings.DefaultHost,
    Port = int.TryParse(options["port"], out int port) ? port : ServeSettings.DefaultPort,
    ApiKeyEnv = options["api-key-env"],
    LedgerPath = options["ledger"] ?? options["db"],
    LedgerUserEnv = options["db-user-env"],
    LedgerPasswordEnv = options["db-password-env"],
}.Resolve(Environment.GetEnvironmentVariable);

await using WebApplication app = BurnrateWeb.Build(settings, args);
await app.StartAsync();
Console.WriteLine($"Burnrate dashboard on {settings.Url} (Ctrl-C stops)");
await app.WaitForShutdownAsync();

/// <summary>The entry point (tests start it through WebApplicationFactory).</summary>
public partial class Program;
