using System.Globalization;
using Microsoft.Playwright;

namespace Burnrate.Web.Tests.Browser;

public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Should_DrawTheFanChartTriggersAndTornado_When_ThePlanPageOpens()
    {
        // Given / When
        (IPage page, List<string> failures) = await fixture.OpenAsync("/plan?example=api-startup&paths=2000");
        await page.Locator("#fan-chart[data-rendered=true]").WaitForAsync();
        await page.Locator("#tornado-chart[data-rendered=true]").WaitForAsync();

        // Then
        (await page.Locator("#triggers table tbody tr").CountAsync()).ShouldBe(2);
        (await page.Locator("#sliders input[type=range]").CountAsync()).ShouldBeGreaterThan(2);
        (await page.Locator("#plan-summary").InnerTextAsync()).ShouldContain("median closing cash");
        failures.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "plan.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_MoveTheFanChartAndRunway_When_APriceSliderMoves()
    {
        // Given
        (IPage page, List<string> failures) = await fixture.OpenAsync("/plan?example=api-startup&paths=2000");
        await page.Locator("#fan-chart[data-rendered=true]").WaitForAsync();
        string before = await page.Locator("#plan-summary").GetAttributeAsync("data-runway") ?? "";
        string summaryBefore = await page.Locator("#plan-summary").InnerTextAsync();

        // When
        await page.Locator("input[data-path='revenue.api.pricePerMillionTokens']").EvaluateAsync(
            "el => { el.value = '1.5'; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change', { bubbles: true })); }");
        await page.WaitForFunctionAsync("b => document.getElementById('plan-summary').dataset.runway !== b", before);

        // Then
        double after = double.Parse((await page.Locator("#plan-summary").GetAttributeAsync("data-runway"))!, CultureInfo.InvariantCulture);
        after.ShouldBeGreaterThan(double.Parse(before, CultureInfo.InvariantCulture));
        (await page.Locator("#plan-summary").InnerTextAsync()).ShouldNotBe(summaryBefore);
        page.Url.ShouldContain("x.revenue.api.pricePerMillionTokens=1.5");
        failures.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_ShowTheMessageNextToTheField_When_PathsAreTooMany()
    {
        // Given
        (IPage page, _) = await fixture.OpenAsync("/plan?example=api-startup&paths=2000");
        await page.Locator("#fan-chart[data-rendered=true]").WaitForAsync();

        // When
        await page.Locator("#paths").FillAsync("2000000");
        await page.Locator("#paths").DispatchEventAsync("change");
        await page.Locator("#paths-error:not(:empty)").WaitForAsync();

        // Then
        (await page.Locator("#paths-error").InnerTextAsync()).ShouldContain("between 1 and 1,000,000");
        (await page.Locator("#paths").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_DrawLatencyCdfsAndThroughput_When_ABenchSummaryIsOpened()
    {
        // Given
        (IPage page, List<string> failures) = await fixture.OpenAsync("/bench");

        // When
        await page.Locator("#summary").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench.summary.json"));
        await page.Locator("#throughput-chart[data-rendered=true]").WaitForAsync();

        // Then
        (await page.Locator("#ttft-chart[data-rendered=true]").CountAsync()).ShouldBe(1);
        (await page.Locator("#tpot-chart[data-rendered=true]").CountAsync()).ShouldBe(1);
        (await page.Locator("#bench-summary").InnerTextAsync()).ShouldContain("output tokens/s");
        failures.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "bench.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_FitThePhoneWidth_When_ThePlanPageOpensAt390Pixels()
    {
        // Given / When
        (IPage page, List<string> failures) = await fixture.OpenAsync("/plan?example=api-startup&paths=1000", 390, 844);
        await page.Locator("#fan-chart[data-rendered=true]").WaitForAsync();

        // Then
        int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        failures.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "plan-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
