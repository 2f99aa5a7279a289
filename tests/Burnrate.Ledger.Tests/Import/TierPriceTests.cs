using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Import;

public sealed class TierPriceTests
{
    private const string Prices =
        """
        source: "OpenAI pricing page, read 2026-01-10"
        prices:
          - model: gpt-4o
            inputUsdPerMillionTokens: 2.50
            outputUsdPerMillionTokens: 10.00
            cacheReadUsdPerMillionTokens: 1.25
            tiers:
              - tier: batch
                inputUsdPerMillionTokens: 1.25
                outputUsdPerMillionTokens: 5.00
              - tier: priority
                inputUsdPerMillionTokens: 4.25
                outputUsdPerMillionTokens: 17.00
                cacheReadUsdPerMillionTokens: 2.125
        """;

    // Standard: 1M × 2.50 + 100k × 10 = 3.50. Batch: 800k × 1.25 + 200k cached × 0.625 (1.25 × 1.25/2.50) + 100k × 5 = 1.625.
    // Priority: 1M × 4.25 + 100k × 17 = 5.95.
    private const string Usage =
        """
        {"data":[{"start_time":1768003200,"end_time":1768089600,"results":[
          {"input_tokens":1000000,"output_tokens":100000,"num_model_requests":5,"project_id":"std","model":"gpt-4o","batch":false,"service_tier":"default"},
          {"input_tokens":1000000,"output_tokens":100000,"input_cached_tokens":200000,"num_model_requests":5,"project_id":"bat","model":"gpt-4o","batch":true},
          {"input_tokens":1000000,"output_tokens":100000,"num_model_requests":5,"project_id":"pri","model":"gpt-4o","batch":false,"service_tier":"priority"}]}]}
        """;

    [Fact]
    public void Should_PriceEachServiceTier_When_ThePriceListHasTiers()
    {
        // Given
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        LedgerImporter.Import(ledger, new ImportRequest { Files = [dir.Write("u.json", Usage)], Format = "openai-usage", PricePaths = [dir.Write("p.yaml", Prices)] });
        MarginReport report = Report(ledger, "customer");

        // Then
        Row(report, "std").CostUsd.Usd.ShouldBe(3.50m);
        Row(report, "bat").CostUsd.Usd.ShouldBe(1.625m);
        Row(report, "pri").CostUsd.Usd.ShouldBe(5.95m);
        ledger.Store.Query("SELECT cost_source FROM usage_events WHERE customer = 'bat'", r => r.GetString(0))[0]
            .ShouldBe("price list p.yaml (OpenAI pricing page, read 2026-01-10): gpt-4o, batch price");
    }

    [Fact]
    public void Should_UseTheLongContextPrice_When_ARequestIsAboveTheThreshold()
    {
        // Given LiteLLM's map with an above-200k tier (USD per token) and two requests without a spend of their own
        const string map = """
            {"claude-sonnet-4": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
              "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
              "input_cost_per_token_batches": 1.5e-06, "output_cost_per_token_batches": 7.5e-06, "litellm_provider": "anthropic"}}
            """;
        const string logs = """
            {"request_id":"small","startTime":"2026-03-01T00:00:00Z","model":"claude-sonnet-4","custom_llm_provider":"anthropic","prompt_tokens":200000,"completion_tokens":1000,"end_user":"a"}
            {"request_id":"large","startTime":"2026-03-01T00:00:00Z","model":"claude-sonnet-4","custom_llm_provider":"anthropic","prompt_tokens":200001,"completion_tokens":1000,"end_user":"b"}

            """;
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));

        // When
        LedgerImporter.Import(ledger, new ImportRequest { Files = [dir.Write("s.jsonl", logs)], Format = "litellm", PricePaths = [dir.Write("prices.json", map)] });
        MarginReport report = Report(ledger, "customer");

        // Then: 200,000 × 3e-6 + 1,000 × 1.5e-5 = 0.615; 200,001 × 6e-6 + 1,000 × 2.25e-5 = 1.2225060
        Row(report, "a").CostUsd.Usd.ShouldBe(0.615m);
        Row(report, "b").CostUsd.Usd.ShouldBe(1.222506m);
    }

    [Fact]
    public void Should_NameTheLine_When_ATierHasNeitherNameNorThreshold()
    {
        using var dir = new TempFolder();
        string path = dir.Write("p.yaml", "source: s\nprices:\n  - model: m\n    inputUsdPerMillionTokens: 1\n    outputUsdPerMillionTokens: 2\n    tiers:\n      - inputUsdPerMillionTokens: 1\n        outputUsdPerMillionTokens: 1\n");

        Burnrate.Core.Validation.InputException e = Should.Throw<Burnrate.Core.Validation.InputException>(() => Burnrate.Ledger.Pricing.PriceBook.Load([path]));

        e.Message.ShouldBe($"{path}:7:9: a tier needs 'tier' (e.g. batch, priority, flex) or 'aboveInputTokens' (a long-context price), or both");
    }
}
