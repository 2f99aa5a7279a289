using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Burnrate.Bench.Results;

/// <summary>
/// The summary.json contract's serializer: camelCase, base units with the unit in the key, nulls omitted (error kinds,
/// the dictionary keys, are lower-case already, so camelCase leaves them as they are), source-generated. Bench reads and writes its own files with it; the reports' shared JSON
/// context uses the same generation options (a test keeps both identical).
/// </summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(BenchJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly BenchJsonContext Context = new(Options);

    public static string Serialize(BenchResult result) => JsonSerializer.Serialize(result, Context.BenchResult);

    public static BenchResult Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Context.BenchResult) ?? throw new JsonException("empty bench result");
}

/// <summary>Source-generated metadata of the bench result types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
