using System.Text.Json;
using System.Text.Json.Serialization;

namespace Burnrate.Ledger;

/// <summary>Writes <see cref="Money"/> as a JSON number of USD rounded to the cent; reads any JSON number.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc/>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal());

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToCents().Usd);
    }
}
