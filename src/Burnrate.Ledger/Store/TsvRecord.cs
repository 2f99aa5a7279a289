using System.Data;
using System.Globalization;

namespace Burnrate.Ledger.Store;

/// <summary>One row of a TSVWithNames answer as an <see cref="IDataRecord"/>: every value is text (or DBNull), which <see cref="DbValues"/> reads.</summary>
internal sealed class TsvRecord(string[] names) : IDataRecord
{
    private string?[] _values = [];

    /// <summary>Gets or sets the current row's values.</summary>
    public string?[] Values
    {
        get => _values;
        set => _values = value.Length == names.Length ? value : throw new InvalidDataException($"ClickHouse answered a row of {value.Length} values under {names.Length} columns");
    }

    /// <inheritdoc/>
    public int FieldCount => names.Length;

    /// <inheritdoc/>
    public object this[int i] => GetValue(i);

    /// <inheritdoc/>
    public object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc/>
    public object GetValue(int i) => (object?)_values[i] ?? DBNull.Value;

    /// <inheritdoc/>
    public bool IsDBNull(int i) => _values[i] is null;

    /// <inheritdoc/>
    public string GetString(int i) => _values[i] ?? throw new InvalidCastException($"column {names[i]} is NULL");

    /// <inheritdoc/>
    public string GetName(int i) => names[i];

    /// <inheritdoc/>
    public int GetOrdinal(string name) => Array.IndexOf(names, name) is var i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(name), name, "no such column");

    /// <inheritdoc/>
    public long GetInt64(int i) => long.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public int GetInt32(int i) => int.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public short GetInt16(int i) => short.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public byte GetByte(int i) => byte.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool GetBoolean(int i) => GetString(i) is "1" or "true";

    /// <inheritdoc/>
    public decimal GetDecimal(int i) => decimal.Parse(GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public double GetDouble(int i) => double.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public float GetFloat(int i) => float.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public DateTime GetDateTime(int i) => DateTime.Parse(GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <inheritdoc/>
    public Guid GetGuid(int i) => Guid.Parse(GetString(i), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public char GetChar(int i) => GetString(i)[0];

    /// <inheritdoc/>
    public string GetDataTypeName(int i) => "String";

    /// <inheritdoc/>
    public Type GetFieldType(int i) => typeof(string);

    /// <inheritdoc/>
    public int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = Math.Min(values.Length, _values.Length);
        for (int i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }

        return n;
    }

    /// <inheritdoc/>
    public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) => throw new NotSupportedException("ClickHouse text answers have no byte columns");

    /// <inheritdoc/>
    public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length) => throw new NotSupportedException("ClickHouse text answers are read as strings");

    /// <inheritdoc/>
    public IDataReader GetData(int i) => throw new NotSupportedException("ClickHouse text answers have no nested readers");
}
