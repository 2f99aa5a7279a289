using Burnrate.Ledger.Import;

namespace Burnrate.Ledger.Tests.Import;

/// <summary>
/// Row ids are the idempotency key of every ledger already on disk: a file imported by an older Burnrate must still be
/// recognized row by row. The expected ids below were computed by the importer as of commit 4a28a70 (before the
/// allocation-free key building and string pooling) and must never change.
/// </summary>
public sealed class RowIdStabilityTests
{
    [Fact]
    public void Should_GiveTheIdsOlderVersionsGave_When_ImportingAFocusBill() => Ids("focus", "bill.csv",
        "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ServiceProviderName,ServiceName,ServiceCategory,SubAccountId,ResourceId,SkuId,ListUnitPrice,PricingQuantity,PricingUnit,ConsumedQuantity,ConsumedUnit,Tags\n"
        + "9.6,9.6,12,9.6,USD,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,Usage,,gpu hour,AWS,Amazon EC2,Compute,acct-1,i-1,p5,3,4,Hours,4,Hours,\"{\"\"team\"\": \"\"t1\"\"}\"\n"
        + "0.125,0.1,0.125,0.125,usd,2026-02-03 04:05:06.5+01:00,2026-02-03T05:05:06.5+01:00,usage,,tokens,OpenAI,GPT,AI and Machine Learning,acct-2,,sku-2,0.0000025,50000,Tokens,,,\n")
        .ShouldBe(["5cc899c7-be75-8ddd-4262-78622626376e", "cd5ec415-8534-8cba-52b8-5b37a38ff42e"]);

    [Fact]
    public void Should_GiveTheIdsOlderVersionsGave_When_ImportingLiteLlmJsonl() => Ids("litellm", "spend.jsonl",
        "{\"request_id\":\"req-1\",\"startTime\":\"2026-03-01T12:00:00.123Z\",\"model\":\"gpt-4o\",\"custom_llm_provider\":\"openai\",\"prompt_tokens\":100,\"completion_tokens\":20,\"spend\":0.0125,\"end_user\":\"acme\",\"request_tags\":[\"chat\",\"search\"]}\n"
        + "{\"startTime\":\"2026-03-02 00:00:00\",\"model\":\"m\",\"prompt_tokens\":1,\"spend\":0.25,\"user\":\"bob\"}\n")
        .ShouldBe(["387ba41a-253d-7cce-0a26-a13c885841f9", "9c474d1c-30af-c698-477b-b1ec0e30ff29"]);

    [Fact]
    public void Should_GiveTheIdsOlderVersionsGave_When_ImportingLiteLlmCsv() => Ids("litellm", "spend.csv",
        "request_id,startTime,model,custom_llm_provider,prompt_tokens,completion_tokens,spend,end_user,request_tags\n"
        + "req-9,2026-03-01T12:00:00Z,gpt-4o,openai,10,2,0.01,acme,chat\n"
        + ",2026-03-04T00:00:00+02:00,m,x,1,1,0.5,bob,\n")
        .ShouldBe(["618147f9-200c-2659-eb8d-62f779649c5b", "e2604e4c-0e58-60de-31e2-53152aae02b6"]);

    private static List<string> Ids(string format, string name, string content)
    {
        using var dir = new TempFolder();
        using LedgerDatabase ledger = LedgerDatabase.Open(dir.File("l.duckdb"));
        FileImport file = LedgerImporter.Import(ledger, new ImportRequest { Files = [dir.Write(name, content)], Format = format }).Files.Single();
        file.Imported.ShouldBe(2);
        string table = format == "focus" ? "billed_costs" : "usage_events";
        return ledger.Store.Query($"SELECT row_id FROM {table} ORDER BY row_id", r => r.GetGuid(0).ToString()).ToList();
    }
}
