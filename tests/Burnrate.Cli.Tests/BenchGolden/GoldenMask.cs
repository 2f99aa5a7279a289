using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Burnrate.Cli.Tests.BenchGolden;

/// <summary>
/// Makes live bench output comparable with a golden file. Against the simulator with fixed timing every count, token
/// total, key, label and assumption is deterministic; only wall-clock figures are not. JSON: the values of latency
/// fields (keys ending in "Seconds", and everything inside such an object except its sample "count"), rates (keys
/// ending in "PerSecond"), cost figures (keys starting with "cost"), the start time and the URL (random port) become
/// "&lt;masked&gt;"; the layout is rewritten by the same writer the serializer uses, so nothing else changes. Tables: every
/// number becomes '#' and runs of padding collapse, since masked cells change the column widths.
/// </summary>
internal static partial class GoldenMask
{
    private const string Masked = "<masked>";

    public static string Json(string json)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            var stack = new Stack<string>();
            string property = "";
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        writer.WritePropertyName(property);
                        break;
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        stack.Push(property);
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        stack.Pop();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        stack.Push(property);
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        stack.Pop();
                        break;
                    case JsonTokenType.Number when IsTiming(property, stack.Count > 0 ? stack.Peek() : ""):
                        writer.WriteStringValue(Masked);
                        break;
                    case JsonTokenType.String when property is "startedAtUtc" or "url":
                        writer.WriteStringValue(Masked);
                        break;
                    case JsonTokenType.String:
                        writer.WriteStringValue(reader.GetString());
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        writer.WriteBooleanValue(reader.GetBoolean());
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Table(string text) => Padding().Replace(Rule().Replace(Number().Replace(text, "#"), "─"), " ");

    public static string Port(string text) => PortNumber().Replace(text, "127.0.0.1:<port>");

    private static bool IsTiming(string property, string parent) => parent != "slo" && (
        (parent.EndsWith("Seconds", StringComparison.Ordinal) && property != "count")
        || property.EndsWith("Seconds", StringComparison.Ordinal)
        || property.EndsWith("PerSecond", StringComparison.Ordinal)
        || property.StartsWith("cost", StringComparison.Ordinal));

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex("─+")]
    private static partial Regex Rule();

    [GeneratedRegex(" +")]
    private static partial Regex Padding();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex PortNumber();
}
