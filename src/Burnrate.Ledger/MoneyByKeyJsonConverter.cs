using System.Text.Json;
using System.Text.Json.Serialization;

namespace Burnrate.Ledger;

/// <summary>
/// Writes a map of USD amounts with its keys exactly as they are (provider names such as "OpenAI" are data, not member
/// names, so no naming policy applies) and each amount rounded to the cent.
/// </summary>
public sealed class MoneyByKeyJsonConverter : JsonConverter<IReadOnlyDictionary<string, Money>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, Money> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var map = new Dictionary<string, Money>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object of USD amounts");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            map[key] = new Money(reader.GetDecimal());
        }

        return map;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, Money> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach ((string key, Money amount) in value)
        {
            writer.WriteNumber(key, amount.ToCents().Usd);
        }

        writer.WriteEndObject();
    }
}
