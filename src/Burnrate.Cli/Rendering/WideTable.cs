using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>
/// A table that keeps to the output width: whole when it fits, else split into column groups stacked one under the other
/// (the way data-frame printers continue wide frames below), each group repeating the key columns so a row can be followed
/// across groups. A table without a key column is numbered (#) when split. Cells are plain text (escaped here).
/// </summary>
internal sealed class WideTable
{
    /// <summary>Rounded borders and one space of padding each side: three columns per column plus the closing border.</summary>
    private const int ColumnChrome = 3;

    private readonly string? _title;
    private readonly string[] _columns;
    private readonly int _keyColumns;
    private readonly List<string[]> _rows = [];

    /// <summary>Initializes a new instance of the <see cref="WideTable"/> class.</summary>
    /// <param name="title">The title.</param>
    /// <param name="columns">The column headers.</param>
    /// <param name="keyColumns">How many leading columns identify a row and repeat in every group (0: number the rows when split).</param>
    public WideTable(string? title, IReadOnlyList<string> columns, int keyColumns = 1)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(keyColumns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyColumns, columns.Count);
        _title = title;
        _columns = [.. columns];
        _keyColumns = keyColumns;
    }

    /// <summary>Gets the index of the first column whose cells are right-aligned (figures); the columns after it are too.</summary>
    public int RightAlignedFrom { get; init; } = int.MaxValue;

    /// <summary>Gets the border (rounded unless a command's tables have always had another).</summary>
    public TableBorder Border { get; init; } = TableBorder.Rounded;

    /// <summary>Adds a row of plain-text cells, one per column.</summary>
    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"a row has {cells.Length} cells for {_columns.Length} columns", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table, split into groups when it is wider than the console.</summary>
    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        foreach (Table table in Tables(console.Profile.Width))
        {
            console.Write(table);
        }
    }

    /// <summary>Gets the tables that show every column within <paramref name="width"/> (one when it fits).</summary>
    public IReadOnlyList<Table> Tables(int width)
    {
        string[] columns = _columns;
        List<string[]> rows = _rows;
        int keys = _keyColumns;
        int added = 0;
        if (TableWidth(Widths(columns, rows), Enumerable.Range(0, columns.Length)) > width && keys == 0)
        {
            columns = ["#", .. columns];
            rows = [.. rows.Select((r, i) => (string[])[NumberTextRank(i), .. r])];
            keys = 1;
            added = 1;
        }

        int[] widths = Widths(columns, rows);
        List<List<int>> groups = Groups(widths, keys, width);
        var tables = new List<Table>();
        for (int g = 0; g < groups.Count; g++)
        {
            // A continuation names its part; it repeats the title only when that fits on one line above its columns.
            string part = $"({g + 1} of {groups.Count})";
            string? title = _title is null ? (g == 0 ? null : part)
                : g == 0 ? _title : _title.Length + 1 + part.Length <= TableWidth(widths, groups[g]) ? $"{_title} {part}" : $"continued {part}";
            // Grey borders and bold headers show only in a terminal (Output.Console drops styles elsewhere).
            var table = new Table().Border(Border).BorderColor(Color.Grey);
            if (title is not null)
            {
                table.Title(Markup.Escape(title));
            }

            foreach (int c in groups[g])
            {
                var column = new TableColumn("[bold]" + Markup.Escape(columns[c]) + "[/]");
                table.AddColumn(c - added >= RightAlignedFrom ? column.RightAligned() : column);
            }

            foreach (string[] row in rows)
            {
                table.AddRow([.. groups[g].Select(c => Markup.Escape(row[c]))]);
            }

            tables.Add(table);
        }

        return tables;
    }

    /// <summary>Splits the non-key columns, in order, into groups that fit beside the key columns.</summary>
    internal static List<List<int>> Groups(int[] widths, int keys, int width)
    {
        var groups = new List<List<int>>();
        List<int> current = [.. Enumerable.Range(0, keys)];
        for (int c = keys; c < widths.Length; c++)
        {
            if (current.Count > keys && TableWidth(widths, [.. current, c]) > width)
            {
                groups.Add(current);
                current = [.. Enumerable.Range(0, keys)];
            }

            current.Add(c);
        }

        groups.Add(current);
        return groups;
    }

    private static int TableWidth(int[] widths, IEnumerable<int> columns) => columns.Sum(c => widths[c] + ColumnChrome) + 1;

    private static int[] Widths(string[] columns, List<string[]> rows) =>
        [.. columns.Select((h, c) => rows.Select(r => CellWidth(r[c])).Append(CellWidth(h)).Max())];

    private static int CellWidth(string text) => text.Split('\n').Max(line => line.Length);

    private static string NumberTextRank(int index) => Burnrate.Core.Quantities.NumberText.Whole(index + 1);
}
