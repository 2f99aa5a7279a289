using Microsoft.Playwright;

namespace Burnrate.Web.Tests.Browser;

public sealed class CostModelBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Should_DrawTheSweepComparisonAndParetoFrontier_When_TheCostModelPageOpens()
    {
        // Given / When
        (IPage page, List<string> failures) = await fixture.OpenAsync("/cost?model=llama-3.1-8b&gpu=h100-sxm&gpus=1&maxDevices=2&gpusAllowed=h100-sxm");
        await page.Locator("#sweep-chart[data-rendered=true]").WaitForAsync();
        await page.Locator("#pareto-chart[data-rendered=true]").WaitForAsync(new() { Timeout = 90_000 });

        // Then
        (await page.Locator("#latency-chart[data-rendered=true]").CountAsync()).ShouldBe(1);
        (await page.Locator("#infer-summary").InnerTextAsync()).ShouldContain("USD per 1M output tokens");
        (await page.Locator("#infer-compare table tbody tr").CountAsync()).ShouldBe(2);
        (await page.Locator("#optimize-cheapest table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "cost.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_MoveTheCostAndTheUrl_When_TheWeightsChange()
    {
        // Given
        (IPage page, _) = await fixture.OpenAsync("/cost?model=llama-3.1-8b&gpu=h100-sxm&gpus=1&weights=bf16&compareModel=");
        await page.Locator("#sweep-chart[data-rendered=true]").WaitForAsync();
        string before = await page.Locator("#infer-summary").GetAttributeAsync("data-cost") ?? "";

        // When
        await page.Locator("#weights").SelectOptionAsync("int4");
        await page.WaitForFunctionAsync("b => document.getElementById('infer-summary').dataset.cost !== b", before);

        // Then
        double.Parse((await page.Locator("#infer-summary").GetAttributeAsync("data-cost"))!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeLessThan(double.Parse(before, System.Globalization.CultureInfo.InvariantCulture));
        page.Url.ShouldContain("weights=int4");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_ShowTheMessageNextToTheField_When_ConcurrencyIsInvalid()
    {
        // Given
        (IPage page, _) = await fixture.OpenAsync("/cost?model=llama-3.1-8b&gpu=h100-sxm&gpus=1");
        await page.Locator("#sweep-chart[data-rendered=true]").WaitForAsync();

        // When
        await page.Locator("#concurrency").FillAsync("0");
        await page.Locator("#concurrency").DispatchEventAsync("change");
        await page.Locator("#concurrency-error:not(:empty)").WaitForAsync();

        // Then
        (await page.Locator("#concurrency-error").InnerTextAsync()).ShouldContain("'0'");
        (await page.Locator("#concurrency").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await page.Context.CloseAsync();
    }
}
