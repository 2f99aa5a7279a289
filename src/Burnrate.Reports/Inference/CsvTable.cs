using System.Text;

namespace Burnrate.Reports.Inference;

/// <summary>Writes a CSV file (RFC 4180 quoting, invariant numbers already formatted by the caller) via a temp file and a move.</summary>
public static class CsvTable
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="header">Column names (units in the names).</param>
    /// <param name="rows">Cells, one list per row.</param>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (IReadOnlyList<string> row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        string temp = path + ".tmp" + Environment.ProcessId;
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
