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
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
    };
}
