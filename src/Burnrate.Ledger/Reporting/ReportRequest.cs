using Burnrate.Catalog;

namespace Burnrate.Ledger.Reporting;

/// <summary>A margin report: group by one or two keys, over an optional date range.</summary>
public sealed record ReportRequest
{
    /// <summary>Gets the keys to group by: one or two of customer, feature, model, provider, day, week, month.</summary>
    public required IReadOnlyList<string> By { get; init; }

    /// <summary>Gets the first day included (default: the ledger's first).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Gets the last day included (default: the ledger's last).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Gets how many loss-makers to list (default 5).</summary>
    public int TopLossMakers { get; init; } = 5;

    /// <summary>Gets every problem with the request, one line each (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (By.Count is < 1 or > 2)
        {
            errors.Add($"--by: give one or two keys (comma-separated), got {By.Count}");
        }

        foreach (string key in By.Where(k => !ReportKey.Names.Contains(k, StringComparer.Ordinal)))
        {
            string near = string.Join(", ", Suggestions.Nearest(key, ReportKey.Names));
            errors.Add($"--by: \"{key}\" is not one of {string.Join(", ", ReportKey.Names)}{(near.Length > 0 ? $" (nearest: {near})" : string.Empty)}");
        }

        if (By.Distinct(StringComparer.Ordinal).Count() != By.Count)
        {
            errors.Add("--by: a key is given twice");
        }

        if (From is { } f && To is { } t && t < f)
        {
            errors.Add($"--to: {t:yyyy-MM-dd} is before --from {f:yyyy-MM-dd}");
        }

        if (TopLossMakers is < 0 or > 1000)
        {
            errors.Add($"--top: {TopLossMakers} is outside 0..1000");
        }

        return errors;
    }
}
