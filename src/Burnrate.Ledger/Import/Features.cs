using System.Text.Json;

namespace Burnrate.Ledger.Import;

/// <summary>
/// A request's feature: its tags, trimmed, de-duplicated, sorted and comma-joined ("(untagged)" when it has none), so a
/// request counts once in a by-feature report and the totals still add up.
/// </summary>
internal static class Features
{
    /// <summary>The feature of a request without tags.</summary>
    public const string Untagged = "(untagged)";

    /// <summary>Gets the feature for a list of tags.</summary>
    public static string FromTags(List<string> tags)
    {
        if (tags.Count == 0)
        {
            return Untagged;
        }

        if (tags.Count == 1)
        {
            string only = tags[0].Trim();
            return only.Length == 0 ? Untagged : only;
        }

        var clean = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return clean.Count == 0 ? Untagged : string.Join(',', clean);
    }

    /// <summary>Adds the tags written in one text field: a JSON array (["a","b"]) or a comma- or semicolon-separated list.</summary>
    public static bool TryAddFromText(string? text, List<string> tags)
    {
        if (string.IsNullOrWhiteSpace(text) || text is "null" or "[]" or "None")
        {
            return true;
        }

        string t = text.Trim();
        if (t.StartsWith('['))
        {
            try
            {
                foreach (JsonElement e in JsonDocument.Parse(t).RootElement.EnumerateArray())
                {
                    tags.Add(e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText());
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        tags.AddRange(t.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return true;
    }
}
