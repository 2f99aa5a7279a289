using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Burnrate.Bench.Results;

/// <summary>JSON settings for bench results: camelCase, nulls omitted, base units with the unit in the key.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(BenchResult result) => JsonSerializer.Serialize(result, Options);

    public static BenchResult Deserialize(string json) =>
        JsonSerializer.Deserialize<BenchResult>(json, Options) ?? throw new JsonException("empty bench result");
}
