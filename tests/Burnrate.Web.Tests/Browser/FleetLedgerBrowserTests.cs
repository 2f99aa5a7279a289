using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Burnrate.Web.Tests.Browser;

public sealed class FleetLedgerBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Should_DrawCapacityAndCostByOption_When_TheFleetPageOpens()
    {
        // Given / When
        (IPage page, List<string> failures) = await fixture.OpenAsync("/fleet?example=fleet-hybrid");
        await page.Locator("#capacity-chart[data-rendered=true]").WaitForAsync(new() { Timeout = 90_000 });

        // Then
        (await page.Locator("#cost-chart[data-rendered=true]").CountAsync()).ShouldBe(1);
        (await page.Locator("#fleet-options table tbody tr").CountAsync()).ShouldBeGreaterThan(2);
        (await page.Locator("#fleet-summary").InnerTextAsync()).ShouldContain("USD per 1M tokens served");
        failures.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "fleet.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_DrawMarginByCustomer_When_TheLedgerPageOpens()
    {
        // Given / When
        (IPage page, List<string> failures) = await fixture.OpenAsync("/ledger?by=customer");
        await page.Locator("#margin-chart[data-rendered=true]").WaitForAsync();

        // Then
        (await page.Locator("#ledger-rows table tbody tr").CountAsync()).ShouldBeGreaterThan(1);
        (await page.Locator("#ledger-summary").InnerTextAsync()).ShouldContain("gross margin");
        failures.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "ledger.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_ShowTheMessageNextToTheField_When_TheLedgerDateIsInvalid()
    {
        // Given
        (IPage page, _) = await fixture.OpenAsync("/ledger?by=customer");
        await page.Locator("#margin-chart[data-rendered=true]").WaitForAsync();

        // When
        await page.Locator("#from").FillAsync("2026-13-01");
        await page.Locator("#from").DispatchEventAsync("change");
        await page.Locator("#from-error:not(:empty)").WaitForAsync();

        // Then
        (await page.Locator("#from-error").InnerTextAsync()).ShouldContain("YYYY-MM-DD");
        (await page.Locator("#from").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Should_ShowBAgainstA_When_ASecondSummaryIsOpened()
    {
        // Given
        using TempFolder temp = new();
        JsonNode b = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench.summary.json")))!;
        foreach (JsonNode? level in b["levels"]!.AsArray())
        {
            level!["outputTokensPerSecond"] = level["outputTokensPerSecond"]!.GetValue<double>() * 1.2;
        }

        string bFile = temp.Write("b.summary.json", b.ToJsonString());
        (IPage page, List<string> failures) = await fixture.OpenAsync("/bench");
        await page.Locator("#summary").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench.summary.json"));
        await page.Locator("#throughput-chart[data-rendered=true]").WaitForAsync();

        // When
        await page.Locator("#b").SetInputFilesAsync(bFile);
        await page.Locator("#compare table").WaitForAsync();

        // Then
        (await page.Locator("#compare").InnerTextAsync()).ShouldContain("+20.0%");
        failures.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
