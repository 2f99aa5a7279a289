using Burnrate.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Burnrate.Web.Tests.Browser;

/// <summary>The real server on 127.0.0.1 (a free port) and one headless Debian chromium driven by Playwright (which downloads no browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>Gets the browser (null when chromium is missing: those tests are skipped).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Gets the server's address, e.g. http://127.0.0.1:41234/.</summary>
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The ledger page reads the example ledger (examples/ledger imported into a temp file).
        string db = _temp.File("ledger.duckdb");
        CliRunner.Run("ledger", "import", Repository.File("examples/ledger/spend-logs.jsonl"), "--format", "litellm", "--db", db).ExitCode.ShouldBe(0);
        CliRunner.Run("ledger", "import", Repository.File("examples/ledger/revenue.csv"), "--format", "revenue", "--db", db).ExitCode.ShouldBe(0);
        _app = BurnrateWeb.Build(new ServeSettings { Port = 0, LedgerPath = db }.Resolve(_ => null));
        await _app.StartAsync();
        Url = BurnrateWeb.ListeningUrl(_app);
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Opens a page at the given width that records failed requests, HTTP errors and console errors.</summary>
    public async Task<(IPage Page, List<string> Failures)> OpenAsync(string path, int width = 1280, int height = 900)
    {
        IBrowserContext context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Url });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var failures = new List<string>();
        page.RequestFailed += (_, r) => failures.Add("failed request " + r.Url);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failures.Add($"HTTP {r.Status} {r.Url}");
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                failures.Add("console: " + m.Text);
            }
        };
        page.PageError += (_, e) => failures.Add("page error: " + e);
        await page.GotoAsync(path);
        return (page, failures);
    }
}
