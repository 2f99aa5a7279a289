using System.Text.Json;
using Burnrate.Bench.Results;
using Burnrate.Core.Validation;

namespace Burnrate.Bench;

/// <summary>The files of a bench run: summary.json (the <see cref="BenchResult"/> contract), summary.csv and requests.jsonl.</summary>
public static class BenchResultFile
{
    /// <summary>The summary file name.</summary>
    public const string SummaryJson = "summary.json";

    /// <summary>The one-row-per-level CSV file name.</summary>
    public const string SummaryCsv = "summary.csv";

    /// <summary>The per-request log file name.</summary>
    public const string RequestsJsonl = "requests.jsonl";

    /// <summary>The largest summary file read (64 MiB); a larger file is not a bench summary.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads a summary.json (or the run folder holding one).</summary>
    /// <param name="path">The file, or a bench output folder.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InputException">The file is missing, unreadable, too large, or not a bench summary of a known schema version.</exception>
    public static BenchResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new InputException("the bench summary path is empty; give a summary.json or the folder bench wrote");
        }

        if (Directory.Exists(path))
        {
            path = Path.Combine(path, SummaryJson);
        }

        string json;
        try
        {
            if (!File.Exists(path))
            {
                throw Bad(path, "file not found (expected a bench summary.json)");
            }

            // Read through the cap, not by the file's length: a device such as /dev/zero has length 0 and never ends.
            json = Catalog.Files.InputFile.ReadAllText(path, "bench summary", MaxBytes);
        }
        catch (Catalog.CatalogException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (IOException e) when (e.InnerException is UnauthorizedAccessException)
        {
            throw; // Already one line naming the path and the reason ("permission denied"), a failure (exit 1) as for every input.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Bad(path, "cannot be read (" + e.Message + ")");
        }

        return Parse(json, path);
    }

    /// <summary>Reads a summary.json's text (the web API takes summaries in request bodies, never paths).</summary>
    /// <param name="json">The summary's JSON text.</param>
    /// <param name="name">What to call it in errors (a file name).</param>
    /// <returns>The result.</returns>
    /// <exception cref="InputException">The text is not a bench summary of a known schema version.</exception>
    public static BenchResult Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        string path = name;
        try
        {
            using (JsonDocument doc = JsonDocument.Parse(json))
            {
                JsonElement root = doc.RootElement;
                string? kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out JsonElement k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                if (kind != BenchResult.KindName)
                {
                    throw Bad(path, kind is null ? $"not a bench summary (no \"kind\": \"{BenchResult.KindName}\")" : $"kind is '{kind}', expected '{BenchResult.KindName}'");
                }

                int version = root.TryGetProperty("schemaVersion", out JsonElement v) && v.TryGetInt32(out int n) ? n : 0;
                if (version != BenchResult.CurrentSchemaVersion)
                {
                    throw Bad(path, $"schemaVersion {version} is not one this burnrate reads (it reads {BenchResult.CurrentSchemaVersion})");
                }
            }

            return BenchJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new InputException(Catalog.Files.JsonErrorText.Describe(path, e) + " (expected a bench summary.json)");
        }
    }

    /// <summary>Writes summary.json and summary.csv into <paramref name="directory"/> (each to a temporary file first, then moved into place).</summary>
    /// <param name="result">The result.</param>
    /// <param name="directory">The run folder.</param>
    public static void WriteSummary(BenchResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        WriteAtomic(Path.Combine(directory, SummaryJson), BenchJson.Serialize(result));
        WriteAtomic(Path.Combine(directory, SummaryCsv), BenchCsv.Of(result));
    }

    /// <summary>Serializes <paramref name="result"/> as the summary.json contract (camelCase, base units, nulls omitted).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(BenchResult result) => BenchJson.Serialize(result);

    /// <summary>Reads the level and TTFT of every completed, measured request in a requests.jsonl (a line cut short by a kill is skipped).</summary>
    /// <param name="requestsJsonl">The log file.</param>
    /// <returns>(level, TTFT in seconds) in log order.</returns>
    public static IReadOnlyList<KeyValuePair<string, double>> ReadTtftSeconds(string requestsJsonl) =>
        RequestLog.Read(requestsJsonl)
            .Where(r => r.TryGetProperty("completed", out JsonElement c) && c.ValueKind == JsonValueKind.True && !r.TryGetProperty("warmup", out _)
                && r.TryGetProperty("ttftSeconds", out JsonElement t) && t.ValueKind == JsonValueKind.Number)
            .Select(r => new KeyValuePair<string, double>(r.TryGetProperty("level", out JsonElement l) ? l.GetString() ?? "" : "", r.GetProperty("ttftSeconds").GetDouble()))
            .ToList();

    internal static void WriteAtomic(string path, string text) => Burnrate.Catalog.Files.AtomicFile.WriteAllText(path, text);

    private static InputException Bad(string path, string why) => new($"'{path}': {why}");
}
