using System.Globalization;
using System.Text;

namespace Burnrate.Catalog.Files;

/// <summary>
/// Reads a user's input file (scenario, catalog, config.json, calibration, fleet) with a size cap, so a device such as
/// <c>/dev/zero</c> or a multi-gigabyte file fails at once with one line instead of filling memory. Every failure names the
/// file: missing, a folder, too large, or unreadable.
/// </summary>
public static class InputFile
{
    /// <summary>Gets the largest input file read, in bytes (16 MiB: the largest scenario, catalog or config.json is a few hundred KB).</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>Reads <paramref name="path"/> as UTF-8 text, reading at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file as the user named it.</param>
    /// <param name="what">What the file is, for the "not found" message (e.g. "scenario file").</param>
    /// <param name="maxBytes">The largest size accepted, in bytes.</param>
    /// <returns>The text.</returns>
    /// <exception cref="CatalogException">The file is missing, is a folder or is larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="IOException">The file cannot be read (the message names the file and the reason).</exception>
    public static string ReadAllText(string path, string what = "file", long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (path.Length == 0)
        {
            throw new CatalogException($"{what}: the path is empty");
        }

        if (Directory.Exists(path))
        {
            throw new CatalogException($"{path}: is a folder, not a {what}");
        }

        if (!File.Exists(path))
        {
            throw new CatalogException($"{path}: {what} not found");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            // Read one byte past the cap: a device or a growing file has no trustworthy length.
            while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    throw new CatalogException(string.Create(CultureInfo.InvariantCulture, $"{path}: larger than {maxBytes / (1024 * 1024)} MiB; a {what} is at most that large"));
                }
            }

            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"'{path}': permission denied (cannot read the {what})", e);
        }
    }
}
