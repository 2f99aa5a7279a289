using System.Buffers;
using System.Text.Json;

namespace Burnrate.Bench.Client;

/// <summary>
/// Reads the fields bench needs from an OpenAI-compatible JSON chunk with <see cref="Utf8JsonReader"/> (no DOM, no strings):
/// choices[].delta.content / reasoning_content / reasoning, choices[].message.content (non-streaming), choices[].text
/// (completions), usage.completion_tokens / prompt_tokens, and a top-level error.
/// </summary>
internal static class ChunkReader
{
    private const int TopUsage = 1;
    private const int TopChoices = 2;

    /// <summary>Reads <paramref name="json"/>; generated text is appended unescaped to <paramref name="text"/>. Throws <see cref="JsonException"/> when malformed.</summary>
    public static ChunkInfo Read(ReadOnlySpan<byte> json, IBufferWriter<byte>? text)
    {
        var info = default(ChunkInfo);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        int top = 0;
        bool inMessage = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            int depth = reader.CurrentDepth;
            if (depth == 1)
            {
                top = reader.ValueTextEquals("usage"u8) ? TopUsage : reader.ValueTextEquals("choices"u8) ? TopChoices : 0;
                if (reader.ValueTextEquals("error"u8))
                {
                    info.IsError = true;
                }
            }
            else if (top == TopUsage && depth == 2)
            {
                bool completion = reader.ValueTextEquals("completion_tokens"u8);
                bool prompt = reader.ValueTextEquals("prompt_tokens"u8);
                if ((completion || prompt) && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int n))
                {
                    if (n < 0)
                    {
                        info.NegativeUsage = true;
                        continue;
                    }

                    if (completion)
                    {
                        info.CompletionTokens = n;
                    }
                    else
                    {
                        info.PromptTokens = n;
                    }
                }
            }
            else if (top == TopChoices && depth == 3)
            {
                inMessage = reader.ValueTextEquals("delta"u8) || reader.ValueTextEquals("message"u8);
                if (reader.ValueTextEquals("text"u8) && reader.Read())
                {
                    Content(ref reader, ref info, text);
                }
            }
            else if (top == TopChoices && depth == 4 && inMessage
                && (reader.ValueTextEquals("content"u8) || reader.ValueTextEquals("reasoning_content"u8) || reader.ValueTextEquals("reasoning"u8))
                && reader.Read())
            {
                Content(ref reader, ref info, text);
            }
        }

        return info;
    }

    private static void Content(ref Utf8JsonReader reader, ref ChunkInfo info, IBufferWriter<byte>? text)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
        {
            return;
        }

        info.HasContent = true;
        if (text is null)
        {
            return;
        }

        if (!reader.ValueIsEscaped)
        {
            text.Write(reader.ValueSpan);
            return;
        }

        Span<byte> target = text.GetSpan(reader.ValueSpan.Length);
        int written = reader.CopyString(target);
        text.Advance(written);
    }
}
