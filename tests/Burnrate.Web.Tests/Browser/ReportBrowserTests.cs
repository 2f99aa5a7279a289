using Burnrate.Planning.Examples;
using Microsoft.Playwright;

namespace Burnrate.Web.Tests.Browser;

public sealed class ReportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Should_OpenWithNoFailedRequestAndDrawEveryChart_When_TheReportIsOpenedFromDisk()
    {
        // Given
        using TempFolder temp = new();
        string scenario = temp.Write("api-startup.yaml", ExampleScenarios.Find("api-startup")!.Yaml);
        CliRun run = CliRunner.Run("report", scenario, "--out", temp.File("out"), "--paths", "2000");
        run.ExitCode.ShouldBe(0, run.Error);
        var requests = new List<string>();

        // When
        IBrowserContext context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        IPage page = await context.NewPageAsync();
        page.Request += (_, r) => requests.Add(r.Url);
        var failures = new List<string>();
        page.RequestFailed += (_, r) => failures.Add("failed request " + r.Url);
        page.Console += (_, m) => failures.Add("console: " + m.Text);
        page.PageError += (_, e) => failures.Add("page error: " + e);
        string url = new Uri(temp.File("out/report.html")).AbsoluteUri;
        await page.GotoAsync(url);

        // Then: the page itself is the only request; each chart has drawn something of size
        failures.ShouldBeEmpty();
        requests.ShouldBe([url]);
        foreach (string chart in new[] { "#fan-chart svg", "#cash-out-chart svg", "#tornado-chart svg" })
        {
            LocatorBoundingBoxResult? box = await page.Locator(chart).BoundingBoxAsync();
            box.ShouldNotBeNull(chart);
            box.Width.ShouldBeGreaterThan(600, chart);
            box.Height.ShouldBeGreaterThan(150, chart);
        }

        (await page.Locator(".kpi").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "report.png"), FullPage = false });
        await context.CloseAsync();
    }
}
