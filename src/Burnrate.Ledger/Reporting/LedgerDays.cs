using System.Globalization;
using Burnrate.Core.Validation;

namespace Burnrate.Ledger.Reporting;

/// <summary>
/// The days a ledger can hold, and the check every report's <c>from</c>/<c>to</c> passes: 1970-01-01 to 2105-12-31, the
/// range of ClickHouse's <c>DateTime</c> (the narrower of the two stores), so a report over any allowed range can also
/// add the day after its last without overflowing.
/// </summary>
public static class LedgerDays
{
    /// <summary>Gets the first day a ledger holds.</summary>
    public static DateOnly First { get; } = new(1970, 1, 1);

    /// <summary>Gets the last day a ledger holds.</summary>
    public static DateOnly Last { get; } = new(2105, 12, 31);

    /// <summary>Gets every problem with a report's date range, one line each (empty when valid).</summary>
    /// <param name="from">The first day included, or null for the ledger's first.</param>
    /// <param name="to">The last day included, or null for the ledger's last.</param>
    /// <returns>The bad fields: a day outside [<see cref="First"/>, <see cref="Last"/>], or <paramref name="to"/> before <paramref name="from"/>.</returns>
    public static IReadOnlyList<FieldError> Validate(DateOnly? from, DateOnly? to)
    {
        var errors = new FieldChecks();
        string allowed = $"a day from {Show(First)} to {Show(Last)}";
        if (from is { } f && (f < First || f > Last))
        {
            errors.Add("from", Show(f), allowed);
        }

        if (to is { } t && (t < First || t > Last))
        {
            errors.Add("to", Show(t), allowed);
        }
        else if (from is { } f2 && to is { } t2 && t2 < f2)
        {
            errors.Add("to", Show(t2), $"a day on or after --from {Show(f2)}");
        }

        return errors;
    }

    private static string Show(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
