using System.Data;
using System.Globalization;
using System.Numerics;

namespace Burnrate.Ledger.Store;

/// <summary>Reads result values whatever CLR type an engine's provider hands back (DateOnly or DateTime, long or BigInteger, decimal or text).</summary>
internal static class DbValues
{
    /// <summary>Gets a date, or null.</summary>
    public static DateOnly? Date(IDataRecord r, int i) => r.GetValue(i) switch
    {
        DBNull or null => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.FromDateTime(DateTime.Parse(s, CultureInfo.InvariantCulture)),
        var other => throw new InvalidCastException($"column {i}: {other.GetType().Name} is not a date"),
    };

    /// <summary>Gets a count (0 for null).</summary>
    public static long Count(IDataRecord r, int i) => r.GetValue(i) switch
    {
        DBNull or null => 0,
        BigInteger b => (long)b,
        var other => Convert.ToInt64(other, CultureInfo.InvariantCulture),
    };

    /// <summary>Gets a USD amount (0 for null).</summary>
    public static decimal Money(IDataRecord r, int i) => r.GetValue(i) switch
    {
        DBNull or null => 0m,
        decimal d => d,
        // ClickHouse's text keeps the column's 10 places ("20.0000000000"); without the trailing zeros the decimal has
        // the scale DuckDB's provider hands back, so both engines print the same JSON.
        string s => decimal.Parse(s.Contains('.', StringComparison.Ordinal) ? s.TrimEnd('0').TrimEnd('.') : s, NumberStyles.Float, CultureInfo.InvariantCulture),
        var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
    };

    /// <summary>Gets the first and last date of a span query (min, max, count), both null when it counted no row.</summary>
    public static (DateOnly? First, DateOnly? Last) Span(IDataRecord r) =>
        Count(r, 2) == 0 ? (null, null) : (Date(r, 0), Date(r, 1));
}
