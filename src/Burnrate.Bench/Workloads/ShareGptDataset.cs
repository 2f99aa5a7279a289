using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Burnrate.Bench.Workloads;

/// <summary>
/// Reads a ShareGPT-format file (a JSON array of {"conversations":[{"from":"human","value":...},{"from":"gpt","value":...}]}),
/// the format vLLM's benchmark_serving uses: the first human turn is the prompt, the first reply's token count the output length.
/// </summary>
internal static class ShareGptDataset
{
    public static IReadOnlyList<WorkItem> Load(string path, Tokenizer tokenizer, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var info = new FileInfo(path);
        if ((info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0 || info.Length is 0 or > 1L << 30)
        {
            // JsonDocument buffers the whole stream: a device such as /dev/zero would be read until memory runs out.
            throw new InvalidDataException("not a regular JSON file of at most 1 GiB");
        }

        using FileStream stream = File.OpenRead(path);
        using JsonDocument doc = JsonDocument.Parse(stream);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected a JSON array of conversations");
        }

        var items = new List<WorkItem>();
        foreach (JsonElement entry in doc.RootElement.EnumerateArray())
        {
            if (items.Count >= maxItems)
            {
                break;
            }

            if (!entry.TryGetProperty("conversations", out JsonElement turns) || turns.ValueKind != JsonValueKind.Array || turns.GetArrayLength() < 2)
            {
                continue;
            }

            string? prompt = Value(turns[0]);
            string? reply = Value(turns[1]);
            if (string.IsNullOrEmpty(prompt) || string.IsNullOrEmpty(reply))
            {
                continue;
            }

            int output = tokenizer.CountTokens(reply);
            if (output >= 1)
            {
                items.Add(new WorkItem(prompt, tokenizer.CountTokens(prompt), output));
            }
        }

        if (items.Count == 0)
        {
            throw new InvalidDataException($"{path}: no conversation with a prompt and a reply");
        }

        return items;
    }

    private static string? Value(JsonElement turn) =>
        turn.ValueKind == JsonValueKind.Object && turn.TryGetProperty("value", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
