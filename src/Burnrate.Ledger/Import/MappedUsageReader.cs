using System.Text;
using System.Text.Json;

namespace Burnrate.Ledger.Import;

/// <summary>Reads usage from any CSV or JSON Lines file through a <see cref="UsageMapping"/>.</summary>
internal static class MappedUsageReader
{
    /// <summary>Reads a CSV file (header row) through the mapping.</summary>
    public static IEnumerable<ImportItem<UsageRow>> Csv(string path, Stream stream, UsageMapping mapping, Action<long>? bytesRead = null)
    {
        using TabularReader table = TabularReader.Open(path, stream);
        var index = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach ((string field, string[] columns) in mapping.Columns)
        {
            index[field] = [.. columns.Select(c => table.IndexOf(c))];
            if (index[field].All(i => i < 0))
            {
                throw LedgerErrors.In(string.Empty,
                    $"the header has no column {string.Join(" or ", columns)} (mapping columns.{field}); it has {string.Join(", ", table.Header.Take(20))}", line: 1);
            }
        }

        long seed = RowIds.Seed(mapping.Source);
        var occurrences = new ContentOccurrences();
        while (table.Next())
        {
            bytesRead?.Invoke(table.BytesRead);
            if (table.RecordError is { } bad)
            {
                yield return ImportItem<UsageRow>.Bad(table.Line, bad);
                continue;
            }

            string? Get(string field) => index.TryGetValue(field, out int[]? ids)
                ? ids.Select(table.Field).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                : null;
            string content = string.Join('\u001f', Enumerable.Range(0, table.Header.Count).Select(table.Field));
            yield return Build(table.Line, mapping, Get, () => occurrences.Next(TabularReader.ContentOf(seed, content)));
        }
    }

    /// <summary>Reads a JSON Lines file (one object per line) through the mapping; paths use dots for nesting.</summary>
    public static IEnumerable<ImportItem<UsageRow>> Jsonl(Stream stream, UsageMapping mapping, Action<long>? bytesRead = null)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        long seed = RowIds.Seed(mapping.Source);
        var occurrences = new ContentOccurrences();
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            bytesRead?.Invoke(stream.CanSeek ? stream.Position : 0);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            (JsonDocument? document, string? parseError) = Parse(text);
            if (document is null)
            {
                yield return ImportItem<UsageRow>.Bad(line, parseError!);
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    yield return ImportItem<UsageRow>.Bad(line, "the line is not a JSON object");
                    continue;
                }

                JsonElement root = document.RootElement;
                string? Get(string field) => mapping.Columns.TryGetValue(field, out string[]? paths)
                    ? paths.Select(p => Find(root, p)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                    : null;
                yield return Build(line, mapping, Get, () => occurrences.Next(TabularReader.ContentOf(seed, text)));
            }
        }
    }

    private static (JsonDocument? Document, string? Error) Parse(string text)
    {
        try
        {
            return (JsonDocument.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, "not a valid JSON object: " + e.Message.Split(" LineNumber", 2)[0]);
        }
    }

    private static string? Find(JsonElement root, string path)
    {
        JsonElement e = root;
        foreach (string part in path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e))
            {
                return null;
            }
        }

        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => e.GetRawText(),
        };
    }

    private static ImportItem<UsageRow> Build(long line, UsageMapping mapping, Func<string, string?> get, Func<Guid> contentId)
    {
        string? Value(string field) => get(field) is { } v && v.Trim().Length > 0 ? v.Trim() : mapping.Defaults.GetValueOrDefault(field);
        string? model = Value("model");
        if (model is null)
        {
            return ImportItem<UsageRow>.Bad(line, $"model: missing (column {string.Join(" or ", mapping.Columns.GetValueOrDefault("model") ?? [])}, no default)");
        }

        if (!mapping.TryTime(Value("time"), out DateTime started, out string? error)
            || !FieldText.TryCount("inputTokens", Value("inputTokens"), out long input, out error)
            || !FieldText.TryCount("outputTokens", Value("outputTokens"), out long output, out error)
            || !FieldText.TryCount("cacheReadTokens", Value("cacheReadTokens"), out long cacheRead, out error)
            || !FieldText.TryCount("cacheWriteTokens", Value("cacheWriteTokens"), out long cacheWrite, out error)
            || !FieldText.TryMoney("costUsd", Value("costUsd"), allowNegative: false, out decimal? cost, out error))
        {
            return ImportItem<UsageRow>.Bad(line, error!);
        }

        long requests = 1;
        if (Value("requests") is { } r && !FieldText.TryCount("requests", r, out requests, out error))
        {
            return ImportItem<UsageRow>.Bad(line, error!);
        }

        var tags = new List<string>();
        if (!Features.TryAddFromText(Value("feature"), tags))
        {
            return ImportItem<UsageRow>.Bad(line, $"feature: {FieldText.Show(Value("feature"))} is neither a JSON list nor a comma-separated list");
        }

        decimal? usd = cost is { } c ? Math.Round(c * mapping.CostScale, 10, MidpointRounding.ToEven) : null;
        string? id = Value("requestId");
        return ImportItem<UsageRow>.Ok(line, new UsageRow
        {
            RowId = id is null ? contentId() : RowIds.FromKey(mapping.Source, id),
            Source = mapping.Source,
            RequestId = id ?? string.Empty,
            StartedAt = started,
            Provider = Value("provider") ?? "(unknown)",
            Model = model,
            Customer = Value("customer") ?? "(unknown)",
            Feature = Features.FromTags(tags),
            ApiBase = Value("apiBase") ?? string.Empty,
            Requests = requests,
            InputTokens = input,
            OutputTokens = output,
            CacheReadTokens = Math.Min(cacheRead, input),
            CacheWriteTokens = Math.Min(cacheWrite, Math.Max(0, input - cacheRead)),
            CostUsd = usd,
            CostSource = usd is null ? "unpriced" : $"{mapping.Source} cost",
            ServiceTier = Value("serviceTier") ?? string.Empty,
            RequestInputTokens = requests == 1 ? input : 0,
        });
    }
}
