using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Burnrate.Reports.Json;

/// <summary>Serializes typed reports through <see cref="BurnrateJsonContext"/> with the options every surface shares.</summary>
public static class BurnrateJson
{
    /// <summary>Gets the context: <see cref="BurnrateJsonContext"/>'s generated metadata with the relaxed encoder
    /// (non-ASCII such as "×" and "—" written as is, as the CLI always has).</summary>
    public static BurnrateJsonContext Context { get; } = new(new JsonSerializerOptions(BurnrateJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Gets the serializer options of <see cref="Context"/>.</summary>
    public static JsonSerializerOptions Options => Context.Options;

    /// <summary>Serializes <paramref name="value"/> with the generated metadata for <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A type registered on <see cref="BurnrateJsonContext"/>.</typeparam>
    /// <param name="value">The report.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Gets the generated metadata for <typeparamref name="T"/>, or throws when the type is not registered.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T> TypeInfo<T>() => Context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException(typeof(T).FullName + " is not registered on BurnrateJsonContext; add a [JsonSerializable] line.");
}
