using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Burnrate.Ledger.Tests.Fixtures;

/// <summary>Generates LiteLLM SpendLogs fixtures (seeded) and writes them as JSONL or CSV.</summary>
internal static class LiteLlmFixture
{
    private static readonly string[] Models = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "llama-3.1-70b"];
    private static readonly string[] Providers = ["openai", "openai", "anthropic", "hosted_vllm"];
    private static readonly string[] Customers = ["acme", "globex", "initech", "umbrella", "hooli"];
    private static readonly string[] TagSet = ["chat", "search", "summarize"];

    public static List<SpendRecord> Generate(int rows, int seed, DateTime? start = null)
    {
        var random = new Random(seed);
        DateTime t0 = start ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var records = new List<SpendRecord>(rows);
        for (int i = 0; i < rows; i++)
        {
            int m = random.Next(Models.Length);
            string customer = Customers[random.Next(Customers.Length)];
            int who = random.Next(3);
            string[] tags = random.Next(4) switch
            {
                0 => [],
                1 => [TagSet[random.Next(3)]],
                _ => [TagSet[random.Next(3)], TagSet[random.Next(3)]],
            };
            records.Add(new SpendRecord(
                $"req-{seed}-{i}",
                t0.AddSeconds(random.Next(0, 60 * 86_400)).AddTicks(random.Next(10_000_000)),
                Models[m], Providers[m],
                random.Next(1, 8_000), random.Next(0, 2_000),
                random.Next(0, 5_000_000) / 100_000_000m, // up to $0.05 at 1e-8 resolution
                who == 1 ? customer : "key-user",
                who == 0 ? customer : null,
                who == 2 ? customer : "team-a",
                tags));
        }

        return records;
    }

    public static string Jsonl(SpendRecord r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("request_id", r.RequestId);
            w.WriteString("call_type", "acompletion");
            w.WriteString("startTime", r.StartTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteString("endTime", r.StartTime.AddSeconds(2).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteString("model", r.Model);
            w.WriteString("model_group", r.Model);
            w.WriteString("custom_llm_provider", r.Provider);
            w.WriteString("api_base", "https://api.example.com/v1");
            w.WriteNumber("prompt_tokens", r.PromptTokens);
            w.WriteNumber("completion_tokens", r.CompletionTokens);
            w.WriteNumber("total_tokens", r.PromptTokens + r.CompletionTokens);
            w.WriteNumber("spend", r.Spend);
            w.WriteString("user", r.User);
            if (r.EndUser is null)
            {
                w.WriteNull("end_user");
            }
            else
            {
                w.WriteString("end_user", r.EndUser);
            }

            w.WriteString("team_id", r.TeamId);
            w.WriteStartArray("request_tags");
            foreach (string t in r.Tags)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteStartObject("metadata");
            w.WriteString("user_api_key_alias", "prod");
            w.WriteStartArray("tags");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("cache_hit", "False");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string CsvHeader => "request_id,startTime,endTime,model,model_group,custom_llm_provider,api_base,prompt_tokens,completion_tokens,total_tokens,spend,user,end_user,team_id,request_tags,metadata,cache_hit";

    public static string Csv(SpendRecord r)
    {
        string tags = "\"" + JsonSerializer.Serialize(r.Tags).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return string.Join(',',
            r.RequestId, r.StartTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture), r.StartTime.AddSeconds(2).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            r.Model, r.Model, r.Provider, "https://api.example.com/v1",
            r.PromptTokens.ToString(CultureInfo.InvariantCulture), r.CompletionTokens.ToString(CultureInfo.InvariantCulture),
            (r.PromptTokens + r.CompletionTokens).ToString(CultureInfo.InvariantCulture), r.Spend.ToString(CultureInfo.InvariantCulture),
            r.User ?? string.Empty, r.EndUser ?? string.Empty, r.TeamId ?? string.Empty, tags, "\"{\"\"k\"\": 1}\"", "False");
    }

    public static string WriteJsonl(string dir, string name, IEnumerable<SpendRecord> records, Func<int, string?>? corrupt = null)
    {
        string path = Path.Combine(dir, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        int i = 0;
        foreach (SpendRecord r in records)
        {
            w.Write((corrupt?.Invoke(i++) ?? Jsonl(r)) + "\n");
        }

        return path;
    }

    public static string WriteCsv(string dir, string name, IEnumerable<SpendRecord> records)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllLines(path, [CsvHeader, .. records.Select(Csv)]);
        return path;
    }
}
