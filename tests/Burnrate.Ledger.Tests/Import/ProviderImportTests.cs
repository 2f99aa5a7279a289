using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.Tests.Fixtures;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Import;

public sealed class ProviderImportTests
{
    private static LedgerDatabase Ledger(TempFolder dir)
    {
        LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string prices = dir.Write("prices.yaml", ProviderFixture.Prices);
        foreach ((string format, string name, string text) in new[]
        {
            ("openai-usage", "oai-usage.json", ProviderFixture.OpenAiUsage), ("openai-costs", "oai-costs.jsonl", ProviderFixture.OpenAiCosts),
            ("anthropic-usage", "ant-usage.json", ProviderFixture.AnthropicUsage), ("anthropic-costs", "ant-costs.json", ProviderFixture.AnthropicCosts),
        })
        {
            FileImport f = LedgerImporter.Import(ledger, new ImportRequest { Files = [dir.Write(name, text)], Format = format, PricePaths = [prices] }).Files.Single();
            f.Rejected.ShouldBe(0, string.Join("; ", f.Errors));
        }

        return ledger;
    }

    [Fact]
    public void Should_PriceUsageByEffectiveDate_When_ImportingProviderUsage()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        MarginReport report = Report(ledger, "customer");

        Row(report, "proj_a").CostUsd.Usd.ShouldBe(3.25m);
        Row(report, "proj_b").CostUsd.Usd.ShouldBe(1.40m);
        Row(report, "proj_b").UnpricedRequests.ShouldBe(1); // gpt-4o-mini has no price
        Row(report, "wrkspc_1").CostUsd.Usd.ShouldBe(0.645m);
        Row(report, "wrkspc_1").InputTokens.ShouldBe(520_000);
        report.Totals.CostUsd.Usd.ShouldBe(5.295m);
    }

    [Fact]
    public void Should_ShowTheResidual_When_ReconcilingComputedWithBilled()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        ReconcileReport report = ReconcileEngine.Run(ledger);

        report.Rows.Select(r => (r.Date!.Value.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Provider, r.ComputedUsd.Usd, r.BilledUsd.Usd, r.DifferenceUsd.Usd)).ShouldBe(
        [
            ("01-10", "openai", 3.25m, 3.30m, 0.05m),
            ("01-12", "anthropic", 0.645m, 0.645m, 0m),
            ("01-20", "openai", 1.40m, 1.40m, 0m),
        ]);
        report.Totals.Single(t => t.Provider == "openai").DifferenceUsd.Usd.ShouldBe(0.05m);
    }

    [Fact]
    public void Should_ReportEveryBucketAsDuplicate_When_ReimportingPages()
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = Ledger(dir);

        FileImport again = LedgerImporter.Import(ledger, new ImportRequest { Files = [dir.File("oai-usage.json")], Format = "openai-usage" }).Files.Single();
        FileImport costs = LedgerImporter.Import(ledger, new ImportRequest { Files = [dir.File("ant-costs.json")], Format = "anthropic-costs" }).Files.Single();

        (again.Imported, again.Duplicates).ShouldBe((0L, 3L));
        (costs.Imported, costs.Duplicates).ShouldBe((0L, 1L));
        ReconcileEngine.Run(ledger).Totals.Sum(t => t.BilledUsd.Usd).ShouldBe(5.345m);
    }

    [Fact]
    public void Should_NameTheFieldAndLine_When_APriceListIsBad()
    {
        using var dir = new TempFolder();
        string prices = dir.Write("p.yaml", "source: x\nprices:\n  - model: m\n    inputUsdPerMillionToken: 1\n    outputUsdPerMillionTokens: 2\n");

        var e = Should.Throw<Burnrate.Core.Validation.InputException>(() => Pricing.PriceBook.Load([prices]));

        e.Message.ShouldBe($"{prices}:4:5: unknown field 'inputUsdPerMillionToken' (did you mean 'inputUsdPerMillionTokens'?); allowed: model, from, inputUsdPerMillionTokens, outputUsdPerMillionTokens, cacheReadUsdPerMillionTokens, cacheWriteUsdPerMillionTokens, source, tiers");
    }

    [Fact]
    public void Should_ReadTokenPrices_When_GivenALiteLlmPriceMap()
    {
        using var dir = new TempFolder();
        string map = dir.Write("model_prices_and_context_window.json",
            """{"sample_spec":{"input_cost_per_token":0},"openai/gpt-4o":{"litellm_provider":"openai","input_cost_per_token":2.5e-06,"output_cost_per_token":1e-05,"cache_read_input_token_cost":1.25e-06,"supports_vision":true},"dall-e-3":{"output_cost_per_image":0.04}}""");

        var book = Pricing.PriceBook.Load([map]);

        book.Models.ShouldBe(1);
        Pricing.TokenPrice price = book.Find("openai", "gpt-4o", new DateOnly(2026, 1, 1)).ShouldNotBeNull();
        price.Cost(1_000_000, 100_000, 200_000, 0).ShouldBe(3.25m);
    }
}
