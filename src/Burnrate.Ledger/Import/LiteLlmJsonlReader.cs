using System.Text;
using System.Text.Json;

namespace Burnrate.Ledger.Import;

/// <summary>Reads LiteLLM SpendLogs exported as JSON Lines (one object per line), streaming.</summary>
internal static class LiteLlmJsonlReader
{
    /// <summary>Reads the records of a stream.</summary>
    public static IEnumerable<ImportItem<UsageRow>> Read(Stream stream, Action<long>? bytesRead = null)
    {
        var lines = new ByteLines(stream);
        var fields = new LiteLlmFields();
        long seed = RowIds.Seed(LiteLlmFields.Source);
        var occurrences = new ContentOccurrences();
        StringPool[] pools = StringPool.For(Pools);
        while (true)
        {
            ImportItem<UsageRow>? item = ReadOne(lines, fields, pools, seed, occurrences);
            if (item is null)
            {
                yield break;
            }

            bytesRead?.Invoke(lines.BytesRead);
            if (item.Value.Line > 0)
            {
                yield return item.Value;
            }
        }
    }

    // The fields whose values repeat across records (one string each per distinct value; see StringPool).
    private const int Model = 0, ModelGroup = 1, Provider = 2, ApiBase = 3, User = 4, EndUser = 5, TeamId = 6, Tag = 7, Pools = 8;

    // One line per call (spans cannot live across a yield).
    private static ImportItem<UsageRow>? ReadOne(ByteLines lines, LiteLlmFields fields, StringPool[] pools, long seed, ContentOccurrences occurrences)
    {
        if (!lines.Next(out ReadOnlySpan<byte> line))
        {
            return null;
        }

        long number = lines.LineNumber;
        if (line.Trim((byte)' ').IsEmpty)
        {
            return new ImportItem<UsageRow>(0, default, null);
        }

        fields.Reset();
        try
        {
            Parse(line, fields, pools);
        }
        catch (JsonException e)
        {
            return ImportItem<UsageRow>.Bad(number, "not a valid JSON object: " + e.Message.Split(" LineNumber", 2)[0]);
        }
        catch (InvalidOperationException e)
        {
            return ImportItem<UsageRow>.Bad(number, "unexpected JSON value: " + e.Message);
        }

        // The content id only counts for a record without a request_id; its delegate is made once per file.
        occurrences.Pending = string.IsNullOrWhiteSpace(fields.RequestId) ? RowIds.FromContent(seed, line) : default;
        string? error = fields.TryBuild(occurrences.NextPending, out UsageRow row);
        return error is null ? ImportItem<UsageRow>.Ok(number, row) : ImportItem<UsageRow>.Bad(number, error);
    }

    private static void Parse(ReadOnlySpan<byte> line, LiteLlmFields fields, StringPool[] pools)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the line is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? name = Name(ref reader);
            reader.Read();
            switch (name)
            {
                case "request_id": fields.RequestId = Text(ref reader); break;
                case "startTime": StartTime(ref reader, fields); break;
                case "model": fields.Model = Pooled(ref reader, pools[Model]); break;
                case "model_group": fields.ModelGroup = Pooled(ref reader, pools[ModelGroup]); break;
                case "custom_llm_provider": fields.Provider = Pooled(ref reader, pools[Provider]); break;
                case "api_base": fields.ApiBase = Pooled(ref reader, pools[ApiBase]); break;
                case "prompt_tokens":
                    if (Count(ref reader) is { } input)
                    {
                        fields.InputTokens = input;
                    }
                    else
                    {
                        fields.PromptTokens = Text(ref reader);
                    }

                    break;
                case "completion_tokens":
                    if (Count(ref reader) is { } output)
                    {
                        fields.OutputTokens = output;
                    }
                    else
                    {
                        fields.CompletionTokens = Text(ref reader);
                    }

                    break;
                case "spend":
                    if (Money(ref reader) is { } spend)
                    {
                        fields.SpendUsd = spend;
                    }
                    else
                    {
                        fields.Spend = Text(ref reader);
                    }

                    break;
                case "user": fields.User = Pooled(ref reader, pools[User]); break;
                case "end_user": fields.EndUser = Pooled(ref reader, pools[EndUser]); break;
                case "team_id": fields.TeamId = Pooled(ref reader, pools[TeamId]); break;
                case "request_tags": Tags(ref reader, fields.Tags, pools[Tag]); break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.BytesConsumed < line.TrimEnd((byte)' ').Length)
        {
            throw new JsonException("the object is not closed or text follows it");
        }
    }

    private static string? Name(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        return reader.ValueIsEscaped ? reader.GetString() : Known(raw);
    }

    // Known names without allocating; unknown ones (metadata and the rest) are skipped.
    private static string? Known(ReadOnlySpan<byte> raw)
    {
        foreach (string name in LiteLlmFields.Names)
        {
            if (raw.Length == name.Length && Equal(raw, name))
            {
                return name;
            }
        }

        return null;
    }

    private static bool Equal(ReadOnlySpan<byte> raw, string name)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    // A JSON number that is a valid count, read from its bytes by the same parser as its text; null: take the text path
    // (which also names a bad value).
    private static long? Count(ref Utf8JsonReader reader)
    {
        Span<char> chars = stackalloc char[32];
        return Ascii(ref reader, chars) is { } n && FieldText.TryCount(string.Empty, chars[..n], false, out long value, out _) ? value : null;
    }

    // A JSON number that is a valid spend, as FieldText.TryMoney reads its text; null: take the text path.
    private static decimal? Money(ref Utf8JsonReader reader)
    {
        Span<char> chars = stackalloc char[64];
        return Ascii(ref reader, chars) is { } n && FieldText.TryMoney(string.Empty, chars[..n], false, allowNegative: false, out decimal? value, out _) ? value : null;
    }

    // startTime in the common ISO shape is read from its bytes; anything else as text (the general parsers, and the message).
    private static void StartTime(ref Utf8JsonReader reader, LiteLlmFields fields)
    {
        Span<char> chars = stackalloc char[40];
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= chars.Length
            && System.Text.Ascii.ToUtf16(reader.ValueSpan, chars, out int n) == System.Buffers.OperationStatus.Done && IsoInstant.TryParse(chars[..n], out DateTime utc))
        {
            fields.Started = utc;
        }
        else
        {
            fields.StartTime = Text(ref reader);
        }
    }

    // A number token's characters, or null for anything else (or a number too long for the buffer).
    private static int? Ascii(ref Utf8JsonReader reader, scoped Span<char> chars) =>
        reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && reader.ValueSpan.Length <= chars.Length
            && System.Text.Ascii.ToUtf16(reader.ValueSpan, chars, out int n) == System.Buffers.OperationStatus.Done ? n : null;

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException($"expected a string or number, found {reader.TokenType}"),
    };

    // A repeated value's pooled string; the same text, and the same errors, as Text.
    private static string? Pooled(ref Utf8JsonReader reader, StringPool pool)
    {
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > 256)
        {
            return Text(ref reader);
        }

        Span<char> chars = stackalloc char[256];
        return pool.Get(chars[..reader.CopyString(chars)]);
    }

    private static void Tags(ref Utf8JsonReader reader, List<string> tags, StringPool pool)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                tags.Add(Pooled(ref reader, pool) ?? string.Empty);
            }
        }
        else if (!Features.TryAddFromText(Text(ref reader), tags))
        {
            throw new JsonException("request_tags is neither a list nor a JSON-encoded list");
        }
    }
}
