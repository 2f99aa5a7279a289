using Burnrate.Catalog.Files;

namespace Burnrate.Reports.Inference;

/// <summary>Writes a CSV file through the one CSV writer (<see cref="CsvWriter"/>: RFC 4180 quoting, temp file then move).</summary>
public static class CsvTable
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="header">Column names (units in the names).</param>
    /// <param name="rows">Cells, one list per row.</param>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        CsvWriter.Write(path, header, rows);
    }
}
