using System.Globalization;
using System.Text;

namespace Burnrate.Benchmarks.Ledger;

/// <summary>Generates LiteLLM SpendLogs files for the import benchmarks (seeded; never committed: written to the temp folder).</summary>
internal static class LedgerFiles
{
    private static readonly string[] Models = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "llama-3.1-70b"];
    private static readonly string[] Providers = ["openai", "openai", "anthropic", "hosted_vllm"];

    /// <summary>Writes <paramref name="rows"/> FOCUS 1.2 charges (hourly GPU usage rows with unit price × quantity = list cost) and returns the path.</summary>
    public static string WriteFocus(int rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"burnrate-bench-focus-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var random = new Random(16);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string temp = path + ".tmp";
        using (var w = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,"
                + "ServiceProviderName,ServiceName,ServiceCategory,SubAccountId,ResourceId,SkuId,ListUnitPrice,PricingQuantity,PricingUnit,ConsumedQuantity,ConsumedUnit,Tags\n");
            for (int i = 0; i < rows; i++)
            {
                DateTime start = t0.AddHours(random.Next(0, 180 * 24));
                int quantity = random.Next(1, 9);
                decimal unit = random.Next(100, 1_500) / 100m;
                decimal list = unit * quantity, billed = list * 0.8m;
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{billed},{billed},{list},{billed},USD,{start:yyyy-MM-ddTHH:mm:ssZ},{start.AddHours(1):yyyy-MM-ddTHH:mm:ssZ},Usage,,gpu hour,AWS,Amazon EC2,Compute,acct-{i % 20},i-{i % 5000:x},p5,{unit},{quantity},Hours,{quantity},Hours,\"{{\"\"team\"\": \"\"t{i % 7}\"\"}}\"\n"));
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Writes <paramref name="rows"/> records as JSONL or CSV and returns the path.</summary>
    public static string Write(int rows, bool csv)
    {
        string path = Path.Combine(Path.GetTempPath(), $"burnrate-bench-litellm-{rows}.{(csv ? "csv" : "jsonl")}");
        if (File.Exists(path))
        {
            return path;
        }

        var random = new Random(16);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string temp = path + ".tmp";
        using (var w = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            if (csv)
            {
                w.Write("request_id,startTime,model,custom_llm_provider,api_base,prompt_tokens,completion_tokens,total_tokens,spend,user,end_user,team_id,request_tags\n");
            }

            for (int i = 0; i < rows; i++)
            {
                int m = random.Next(Models.Length);
                int input = random.Next(100, 20_000), output = random.Next(10, 2_000);
                string time = t0.AddSeconds(random.Next(0, 180 * 86_400)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                string spend = (random.Next(0, 5_000_000) / 1e8).ToString("0.########", CultureInfo.InvariantCulture);
                string customer = "customer-" + random.Next(1_000).ToString(CultureInfo.InvariantCulture);
                string tag = random.Next(3) switch { 0 => "chat", 1 => "search", _ => "summarize" };
                w.Write(csv
                    ? string.Create(CultureInfo.InvariantCulture, $"req-{i},{time},{Models[m]},{Providers[m]},https://api.example.com/v1,{input},{output},{input + output},{spend},svc,{customer},team-a,{tag}\n")
                    : string.Create(CultureInfo.InvariantCulture, $"{{\"request_id\":\"req-{i}\",\"startTime\":\"{time}\",\"model\":\"{Models[m]}\",\"custom_llm_provider\":\"{Providers[m]}\",\"api_base\":\"https://api.example.com/v1\",\"prompt_tokens\":{input},\"completion_tokens\":{output},\"total_tokens\":{input + output},\"spend\":{spend},\"user\":\"svc\",\"end_user\":\"{customer}\",\"team_id\":\"team-a\",\"request_tags\":[\"{tag}\"]}}\n"));
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
