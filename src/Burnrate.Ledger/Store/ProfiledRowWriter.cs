using DuckDB.NET.Data;

namespace Burnrate.Ledger.Store;

/// <summary>
/// Writes a row of a profiled table (<see cref="LedgerTable.ProfileColumns"/>) through DuckDB's Appender: the row's own
/// values go to the rows table as they come, the profile's are kept aside in <see cref="Profile"/> for the caller to
/// turn into the profile id that ends the row.
/// </summary>
internal sealed class ProfiledRowWriter : IRowWriter
{
    private readonly bool[] _inProfile;
    private int _column;
    private int _profileColumn;

    /// <summary>Initializes a new instance of the <see cref="ProfiledRowWriter"/> class.</summary>
    public ProfiledRowWriter(LedgerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _inProfile = [.. table.Columns.Select(c => table.IsProfileColumn(c.Name))];
        if (table.Columns.Any(c => table.IsProfileColumn(c.Name) && c.Type != ColumnType.Text))
        {
            throw new ArgumentException($"{table.Name}: a profile holds text columns only", nameof(table));
        }

        Profile = new string[_inProfile.Count(p => p)];
    }

    /// <summary>Gets or sets the appender row of the rows table being written.</summary>
    public IDuckDBAppenderRow? Row { get; set; }

    /// <summary>Gets the profile's values of the row being written, in column order (reused for every row).</summary>
    public string[] Profile { get; }

    private IDuckDBAppenderRow Current => Row ?? throw new InvalidOperationException("No appender row is open.");

    /// <summary>Ends the row: appends the profile id and starts the next row's columns.</summary>
    public void EndRow(Guid profileId)
    {
        if (_column != _inProfile.Length)
        {
            throw new InvalidOperationException($"a row wrote {_column} of {_inProfile.Length} columns");
        }

        Current.AppendValue((Guid?)profileId).EndRow();
        _column = 0;
        _profileColumn = 0;
    }

    /// <inheritdoc/>
    public void Id(Guid value) => Own().AppendValue((Guid?)value);

    /// <inheritdoc/>
    public void Text(string value)
    {
        if (_inProfile[_column])
        {
            _column++;
            Profile[_profileColumn++] = value;
        }
        else
        {
            Own().AppendValue(value);
        }
    }

    /// <inheritdoc/>
    public void Count(long value) => Own().AppendValue((long?)value);

    /// <inheritdoc/>
    public void Money(decimal? value) => Own().AppendValue(value);

    /// <inheritdoc/>
    public void Timestamp(DateTime utc) => Own().AppendValue((DateTime?)utc);

    /// <inheritdoc/>
    public void Date(DateOnly value) => Own().AppendValue((DateOnly?)value);

    /// <inheritdoc/>
    public void Quantity(decimal? value) => Own().AppendValue(value);

    // A value of the row's own columns: the next column must not be a profile's.
    private IDuckDBAppenderRow Own()
    {
        if (_inProfile[_column++])
        {
            throw new InvalidOperationException("a profile column was written as a value other than text");
        }

        return Current;
    }
}
