using System.Globalization;
using System.Text.Json;

namespace Burnrate.Catalog.Files;

/// <summary>Formats a <see cref="JsonException"/> as <c>FILE:LINE:COLUMN: not valid JSON: REASON</c> (1-based, the column
/// counted in bytes as System.Text.Json reports it), without the exception's own "LineNumber: … | BytePositionInLine: …" tail.</summary>
public static class JsonErrorText
{
    /// <summary>Gets the one-line message.</summary>
    /// <param name="file">The file as the user named it.</param>
    /// <param name="e">The parse error.</param>
    /// <returns>The message.</returns>
    public static string Describe(string file, JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
        return e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {reason}")
            : $"{file}: not valid JSON: {reason}";
    }
}
