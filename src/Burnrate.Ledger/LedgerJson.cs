using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Burnrate.Ledger;

/// <summary>Serializes ledger reports with <see cref="LedgerJsonContext"/> (readable text: no \u escapes for quotes or symbols).</summary>
public static class LedgerJson
{
    private static readonly LedgerJsonContext Context = new(new JsonSerializerOptions(LedgerJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Gets the report as indented JSON.</summary>
    public static string Serialize<T>(T report)
    {
        var info = (JsonTypeInfo<T>)(Context.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} is not a ledger report type"));
        return JsonSerializer.Serialize(report, info);
    }
}
