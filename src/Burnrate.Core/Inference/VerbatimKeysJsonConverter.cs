using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Burnrate.Core.Inference;

/// <summary>Writes a dictionary keyed by ids (model ids) with its keys exactly as they are, whatever the serializer's
/// dictionary-key naming policy: an id such as "Qwen3-8B" must not become "qwen3-8B". Values go through the options'
/// metadata (source-generated where the options come from a generated context).</summary>
/// <typeparam name="TValue">The value type; null values are written as JSON null.</typeparam>
public sealed class VerbatimKeysJsonConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue?>>
    where TValue : class
{
    /// <inheritdoc />
    public override IReadOnlyDictionary<string, TValue?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var value = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        var result = new Dictionary<string, TValue?>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object keyed by id");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString() ?? throw new JsonException("expected a property name");
            reader.Read();
            result[key] = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, value);
        }

        return result;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var info = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        writer.WriteStartObject();
        foreach ((string key, TValue? item) in value)
        {
            writer.WritePropertyName(key);
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, item, info);
            }
        }

        writer.WriteEndObject();
    }
}
