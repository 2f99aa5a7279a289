using Burnrate.Ledger.Reporting;
using static Burnrate.Ledger.Tests.LedgerTestContext;

namespace Burnrate.Ledger.Tests.Reporting;

public sealed class ReconcileEngineTests
{
    private const string FocusHeader =
        "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ServiceProviderName,ServiceName,ServiceCategory\n";

    [Fact]
    public void Should_MatchProvidersWithoutRegardToCase_When_TheBillSpellsTheProviderDifferently()
    {
        // Given LiteLLM usage logged as "openai" (1.25 + 0.50 on Jan 10, 2.00 on Jan 11), one row logged as "OPENAI" (0.25, Jan 10),
        // and a FOCUS bill whose provider is "OpenAI" (2.10 on Jan 10, 2.00 on Jan 11)
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string logs = dir.Write("spend.jsonl",
            """
            {"request_id":"a","startTime":"2026-01-10T01:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":10,"completion_tokens":5,"spend":1.25,"end_user":"acme"}
            {"request_id":"b","startTime":"2026-01-10T02:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":10,"completion_tokens":5,"spend":0.50,"end_user":"acme"}
            {"request_id":"c","startTime":"2026-01-10T03:00:00Z","model":"gpt-4o","custom_llm_provider":"OPENAI","prompt_tokens":10,"completion_tokens":5,"spend":0.25,"end_user":"acme"}
            {"request_id":"d","startTime":"2026-01-11T03:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":10,"completion_tokens":5,"spend":2.00,"end_user":"acme"}
            """);
        string bill = dir.Write("bill.csv", FocusHeader
            + "2.10,2.10,2.10,2.10,USD,2026-01-10T00:00:00Z,2026-01-11T00:00:00Z,Usage,,gpt-4o tokens,OpenAI,OpenAI API,AI and Machine Learning\n"
            + "2.00,2.00,2.00,2.00,USD,2026-01-11T00:00:00Z,2026-01-12T00:00:00Z,Usage,,gpt-4o tokens,OpenAI,OpenAI API,AI and Machine Learning\n");
        ImportFiles(ledger, "litellm", logs).Files.Single().Imported.ShouldBe(4);
        ImportFiles(ledger, "focus", bill).Files.Single().Imported.ShouldBe(2);

        // When
        ReconcileReport report = ReconcileEngine.Run(ledger);

        // Then one row per day under the bill's spelling, computed summed over every spelling of the provider
        report.Rows.Select(r => (r.Date!.Value.Day, r.Provider, r.ComputedUsd.Usd, r.BilledUsd.Usd, r.DifferenceUsd.Usd)).ShouldBe(
        [
            (10, "OpenAI", 2.00m, 2.10m, 0.10m),
            (11, "OpenAI", 2.00m, 2.00m, 0m),
        ]);
        report.Totals.Single().ShouldSatisfyAllConditions(
            t => t.Provider.ShouldBe("OpenAI"),
            t => t.ComputedUsd.Usd.ShouldBe(4.00m),
            t => t.DifferenceUsd.Usd.ShouldBe(0.10m));
    }

    [Fact]
    public void Should_ShowTheOrdinallyFirstSpelling_When_BillsSpellOneProviderTwoWays()
    {
        // Given two bills for one day: "openai" 1.00 and "OpenAI" 0.50, and no usage
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        string bill = dir.Write("bill.csv", FocusHeader
            + "1.00,1.00,1.00,1.00,USD,2026-01-10T00:00:00Z,2026-01-11T00:00:00Z,Usage,,tokens,openai,OpenAI API,AI and Machine Learning\n"
            + "0.50,0.50,0.50,0.50,USD,2026-01-10T00:00:00Z,2026-01-11T00:00:00Z,Usage,,tokens,OpenAI,OpenAI API,AI and Machine Learning\n");
        ImportFiles(ledger, "focus", bill).Files.Single().Imported.ShouldBe(2);

        // When
        ReconcileReport report = ReconcileEngine.Run(ledger);

        // Then one provider, "OpenAI" (ordinal: upper case first), billed 1.50
        report.Rows.Single().ShouldSatisfyAllConditions(
            r => r.Provider.ShouldBe("OpenAI"),
            r => r.BilledUsd.Usd.ShouldBe(1.50m),
            r => r.ComputedUsd.Usd.ShouldBe(0m));
    }
}
