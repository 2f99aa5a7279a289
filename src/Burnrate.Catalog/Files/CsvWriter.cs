using System.Text;

namespace Burnrate.Catalog.Files;

/// <summary>
/// The one CSV writer: RFC 4180 quoting (a cell holding a comma, a double quote, CR or LF is wrapped in double quotes, with
/// inner quotes doubled), one record per line ending in LF, header first. Cells arrive already formatted (invariant culture,
/// see <c>NumberText</c>); units belong in the header names.
/// </summary>
public static class CsvWriter
{
    /// <summary>Formats a header and rows as CSV text.</summary>
    /// <param name="header">Column names, or null for no header row.</param>
    /// <param name="rows">Cells, one list per row.</param>
    /// <returns>The CSV text, ending with a line break.</returns>
    public static string Format(IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        if (header is not null)
        {
            AppendRow(text, header);
        }

        foreach (IReadOnlyList<string> row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>Writes a header and rows to <paramref name="path"/> through <see cref="AtomicFile"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="header">Column names, or null for no header row.</param>
    /// <param name="rows">Cells, one list per row.</param>
    public static void Write(string path, IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows) =>
        AtomicFile.WriteAllText(path, Format(header, rows));

    /// <summary>Quotes one cell when RFC 4180 requires it.</summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The cell as written.</returns>
    public static string Quote(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> row)
    {
        for (int i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Quote(row[i]));
        }

        text.Append('\n');
    }
}
