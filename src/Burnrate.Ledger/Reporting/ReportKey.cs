using Burnrate.Ledger.Store;

namespace Burnrate.Ledger.Reporting;

/// <summary>A dimension a margin report groups by.</summary>
internal static class ReportKey
{
    /// <summary>Gets the key names, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["customer", "feature", "model", "provider", "day", "week", "month"];

    /// <summary>Gets whether a key is a period.</summary>
    public static bool IsTime(string key) => key is "day" or "week" or "month";

    /// <summary>Gets the SQL expression of a key over the usage table.</summary>
    public static string Expression(SqlDialect dialect, string key) => key switch
    {
        "day" => dialect.StartOfDay("started_at"),
        "week" => dialect.StartOfWeek("started_at"),
        "month" => dialect.StartOfMonth("started_at"),
        "customer" or "feature" or "model" or "provider" => key,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>Gets the label of a period key for a date: YYYY-MM-DD for day and week (its Monday), YYYY-MM for month.</summary>
    public static string TimeLabel(string key, DateOnly date) => key switch
    {
        "day" => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "week" => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
    };
}
