using DuckDB.NET.Data;

namespace Burnrate.Ledger.Store;

/// <summary>
/// Writes a row of a profiled table (<see cref="LedgerTable.ProfileColumns"/>) through DuckDB's Appender: the row's own
/// values go to the rows table as they come, the profile's are kept aside and turned into the profile id that ends the
/// row (a profile the store lacks is noted in <see cref="Profiles"/>, for the caller to store with the batch).
/// </summary>
internal sealed class ProfiledRowWriter : IAppenderRowWriter
{
    private readonly string[] _profile;
    private readonly bool[] _inProfile;
    private int _column;
    private int _profileColumn;

    private IDuckDBAppenderRow? _row;

    /// <summary>Initializes a new instance of the <see cref="ProfiledRowWriter"/> class.</summary>
    public ProfiledRowWriter(LedgerTable table, ProfileCache profiles)
    {
        Profiles = profiles;
        ArgumentNullException.ThrowIfNull(table);
        _inProfile = [.. table.Columns.Select(c => table.IsProfileColumn(c.Name))];
        if (table.Columns.Any(c => table.IsProfileColumn(c.Name) && c.Type != ColumnType.Text))
        {
            throw new ArgumentException($"{table.Name}: a profile holds text columns only", nameof(table));
        }

        _profile = new string[_inProfile.Count(p => p)];
    }

    /// <summary>Gets the table's profile ids: those stored, and those the batch being written adds.</summary>
    public ProfileCache Profiles { get; }

    private IDuckDBAppenderRow Current => _row ?? throw new InvalidOperationException("No appender row is open.");

    /// <inheritdoc/>
    public void Begin(IDuckDBAppenderRow row)
    {
        _row = row;
        _column = 0;
        _profileColumn = 0;
    }

    /// <inheritdoc/>
    public void End()
    {
        if (_column != _inProfile.Length)
        {
            throw new InvalidOperationException($"a row wrote {_column} of {_inProfile.Length} columns");
        }

        Current.AppendValue((Guid?)Profiles.Resolve(_profile)).EndRow();
        _row = null;
    }

    /// <inheritdoc/>
    public void Id(Guid value) => Own().AppendValue((Guid?)value);

    /// <inheritdoc/>
    public void Text(string value)
    {
        if (_inProfile[_column])
        {
            _column++;
            _profile[_profileColumn++] = value;
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
