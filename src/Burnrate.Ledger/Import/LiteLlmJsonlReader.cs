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

        Guid hash = RowIds.FromContent(seed, line);
        string? error = fields.TryBuild(() => occurrences.Next(hash), out UsageRow row);
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
                case "startTime": fields.StartTime = Text(ref reader); break;
                case "model": fields.Model = Pooled(ref reader, pools[Model]); break;
                case "model_group": fields.ModelGroup = Pooled(ref reader, pools[ModelGroup]); break;
                case "custom_llm_provider": fields.Provider = Pooled(ref reader, pools[Provider]); break;
                case "api_base": fields.ApiBase = Pooled(ref reader, pools[ApiBase]); break;
                case "prompt_tokens": fields.PromptTokens = Text(ref reader); break;
                case "completion_tokens": fields.CompletionTokens = Text(ref reader); break;
                case "spend": fields.Spend = Text(ref reader); break;
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
