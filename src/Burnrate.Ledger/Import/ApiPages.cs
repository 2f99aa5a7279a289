using System.Globalization;
using System.Text.Json;

namespace Burnrate.Ledger.Import;

/// <summary>
/// Walks saved pages of the OpenAI and Anthropic admin usage/cost APIs: a file holds one page, a JSON array of pages, or
/// one page per line. Each page's <c>data</c> is a list of time buckets with <c>results</c>; a result is numbered in file
/// order (the "line" of its errors).
/// </summary>
internal static class ApiPages
{
    /// <summary>The most characters one file of pages may hold (256 Mi).</summary>
    private const int MaxChars = 256 << 20;

    /// <summary>A result with its bucket's period.</summary>
    public readonly record struct Result(long Number, DateTime Start, DateTime End, JsonElement Value);

    /// <summary>Gets every result of every bucket of every page, or an error for a bucket without a usable period.</summary>
    public static IEnumerable<(Result Result, string? Error)> Read(Stream stream)
    {
        long number = 0;
        foreach (JsonElement page in Pages(stream))
        {
            if (!page.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
            {
                throw LedgerErrors.In(string.Empty, "a page without a 'data' list: not a saved usage or cost API page");
            }

            foreach (JsonElement bucket in data.EnumerateArray())
            {
                bool timed = TryTime(bucket, "start_time", "starting_at", out DateTime start) & TryTime(bucket, "end_time", "ending_at", out DateTime end);
                if (!bucket.TryGetProperty("results", out JsonElement results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (JsonElement result in results.EnumerateArray())
                {
                    number++;
                    yield return (new Result(number, start, end, result), timed ? null : "bucket: no start_time/end_time (or starting_at/ending_at)");
                }
            }
        }
    }

    /// <summary>Gets a text field ("" when missing or null).</summary>
    public static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? string.Empty,
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            _ => v.GetRawText(),
        } : string.Empty;

    /// <summary>Gets a whole count ≥ 0 (0 when missing), or an error.</summary>
    public static long Count(JsonElement e, string name, ref string? error)
    {
        if (!e.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) && n >= 0)
        {
            return n;
        }

        error ??= $"{name}: {FieldText.Show(v.GetRawText())} is not a whole number ≥ 0";
        return 0;
    }

    private static List<JsonElement> Pages(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var buffer = new System.Text.StringBuilder();
        char[] chunk = new char[1 << 16];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            // A download of API pages is a few MB a month; a device such as /dev/zero never ends.
            if (buffer.Length + read > MaxChars)
            {
                throw LedgerErrors.In(string.Empty, $"larger than {MaxChars >> 20} MiB; import API pages a month or so per file");
            }

            buffer.Append(chunk, 0, read);
        }

        string text = buffer.ToString();
        var pages = new List<JsonElement>();
        try
        {
            using JsonDocument whole = JsonDocument.Parse(text);
            JsonElement root = whole.RootElement.Clone();
            pages.AddRange(root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root]);
        }
        catch (JsonException)
        {
            int line = 0;
            foreach (string l in text.Split('\n'))
            {
                line++;
                if (l.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    using JsonDocument doc = JsonDocument.Parse(l);
                    pages.Add(doc.RootElement.Clone());
                }
                catch (JsonException e)
                {
                    throw LedgerErrors.In(string.Empty, "not valid JSON (a page, an array of pages, or one page per line): " + e.Message.Split(" LineNumber", 2)[0], line);
                }
            }
        }

        return pages;
    }

    private static bool TryTime(JsonElement bucket, string unixName, string isoName, out DateTime utc)
    {
        utc = default;
        if (bucket.TryGetProperty(unixName, out JsonElement unix) && unix.ValueKind == JsonValueKind.Number && unix.TryGetInt64(out long seconds))
        {
            utc = DateTime.UnixEpoch.AddSeconds(seconds);
            return true;
        }

        return bucket.TryGetProperty(isoName, out JsonElement iso) && iso.ValueKind == JsonValueKind.String
            && DateTime.TryParse(iso.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
    }
}
