using System.Data;
using System.Globalization;

namespace Burnrate.Ledger.Store;

/// <summary>A row read from one ledger to be written to another (a migration): its values in the table's column order.</summary>
internal sealed class CopiedRow : ILedgerRow
{
    private readonly LedgerTable _table;
    private readonly object?[] _values;

    private CopiedRow(LedgerTable table, object?[] values)
    {
        _table = table;
        _values = values;
        RowId = (Guid)values[0]!;
    }

    /// <inheritdoc/>
    public Guid RowId { get; }

    /// <summary>Reads the current row of a <c>SELECT table.ColumnList</c> answer, whichever engine gave it.</summary>
    public static CopiedRow Read(LedgerTable table, IDataRecord r)
    {
        var values = new object?[table.Columns.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = table.Columns[i].Type switch
            {
                ColumnType.Id => r.GetValue(i) is Guid g ? g : Guid.Parse(r.GetString(i), CultureInfo.InvariantCulture),
                ColumnType.Text => r.IsDBNull(i) ? string.Empty : r.GetString(i),
                ColumnType.Count => DbValues.Count(r, i),
                ColumnType.Money => DbValues.Money(r, i),
                ColumnType.NullableMoney or ColumnType.NullableQuantity => r.IsDBNull(i) ? null : DbValues.Money(r, i),
                ColumnType.Timestamp => r.GetValue(i) is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
                    : DateTime.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                ColumnType.Date => DbValues.Date(r, i)!.Value,
                _ => throw new InvalidOperationException($"column type {table.Columns[i].Type} cannot be copied"),
            };
        }

        return new CopiedRow(table, values);
    }

    /// <inheritdoc/>
    public void Write<TWriter>(TWriter writer)
        where TWriter : IRowWriter
    {
        for (int i = 0; i < _values.Length; i++)
        {
            object? v = _values[i];
            switch (_table.Columns[i].Type)
            {
                case ColumnType.Id: writer.Id((Guid)v!); break;
                case ColumnType.Text: writer.Text((string)v!); break;
                case ColumnType.Count: writer.Count((long)v!); break;
                case ColumnType.Money or ColumnType.NullableMoney: writer.Money((decimal?)v); break;
                case ColumnType.Timestamp: writer.Timestamp((DateTime)v!); break;
                case ColumnType.Date: writer.Date((DateOnly)v!); break;
                case ColumnType.NullableQuantity: writer.Quantity((decimal?)v); break;
                default: throw new InvalidOperationException($"column type {_table.Columns[i].Type} cannot be copied");
            }
        }
    }
}
