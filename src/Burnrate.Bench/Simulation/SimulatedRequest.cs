using System.Text;
using System.Text.Json;

namespace Burnrate.Bench.Simulation;

/// <summary>The fields of an OpenAI-compatible request the simulator honours.</summary>
internal sealed record SimulatedRequest(string PromptText, bool Stream, bool IncludeUsage, int? MaxTokens, int? MinTokens, bool IgnoreEos)
{
    public static SimulatedRequest Parse(JsonElement root, bool chat)
    {
        var prompt = new StringBuilder();
        if (chat && root.TryGetProperty("messages", out JsonElement messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement m in messages.EnumerateArray())
            {
                if (m.TryGetProperty("content", out JsonElement c))
                {
                    AppendContent(prompt, c);
                }
            }
        }
        else if (!chat && root.TryGetProperty("prompt", out JsonElement p))
        {
            AppendContent(prompt, p);
        }

        bool stream = root.TryGetProperty("stream", out JsonElement s) && s.ValueKind == JsonValueKind.True;
        bool usage = root.TryGetProperty("stream_options", out JsonElement so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out JsonElement iu) && iu.ValueKind == JsonValueKind.True;
        bool ignoreEos = root.TryGetProperty("ignore_eos", out JsonElement ie) && ie.ValueKind == JsonValueKind.True;
        return new SimulatedRequest(prompt.ToString(), stream, usage, Int(root, "max_completion_tokens") ?? Int(root, "max_tokens"), Int(root, "min_tokens"), ignoreEos);
    }

    /// <summary>The output length: max_tokens when forced (ignore_eos or min_tokens ≥ max), else the natural length capped by max_tokens and raised to min_tokens.</summary>
    public int OutputTokens(SimulatorOptions options)
    {
        int max = Math.Max(0, MaxTokens ?? options.DefaultMaxTokens);
        if (IgnoreEos)
        {
            return max;
        }

        int n = Math.Min(options.NaturalOutputTokens, max);
        return Math.Min(max, Math.Max(n, MinTokens ?? 0));
    }

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) ? v : null;

    private static void AppendContent(StringBuilder prompt, JsonElement c)
    {
        switch (c.ValueKind)
        {
            case JsonValueKind.String:
                prompt.Append(c.GetString());
                break;
            case JsonValueKind.Array:
                foreach (JsonElement part in c.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.String)
                    {
                        prompt.Append(part.GetString());
                    }
                    else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String)
                    {
                        prompt.Append(t.GetString());
                    }
                }

                break;
            default:
                break;
        }
    }
}
