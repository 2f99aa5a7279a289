using System.Globalization;
using System.Text;

namespace Burnrate.Catalog.Files;

/// <summary>
/// Writes a file so no reader ever sees half of it: everything goes to a temporary file beside the target, which is then
/// moved over it (a rename on the same volume). If writing fails, the temporary file is deleted, the target is untouched and
/// the error names the target, never the temporary file.
/// Every surface and library that writes a file uses this (catalog calibration files, bench results, reports, ledger exports).
/// A symbolic link is written through: its final target is replaced and the link kept. A target that is not a regular file
/// (a character or block device such as <c>/dev/null</c>, a FIFO, a socket) is written into, in place: renaming a file over
/// it would destroy the device node or the pipe a reader is waiting on.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static long _counter;

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The target file; its directory is created when missing.</param>
    /// <param name="text">The text.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, temp => File.WriteAllText(temp, text, Utf8NoBom));
    }

    /// <summary>Writes what <paramref name="write"/> puts into the stream.</summary>
    /// <param name="path">The target file; its directory is created when missing.</param>
    /// <param name="write">Writes the content.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, temp =>
        {
            using FileStream stream = new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
        });
    }

    /// <summary>Lets <paramref name="writeTemp"/> create the temporary file by path (for libraries that only save to a path,
    /// such as chart and workbook writers), then moves it over <paramref name="path"/>.</summary>
    /// <param name="path">The target file; its directory is created when missing.</param>
    /// <param name="writeTemp">Writes the whole content to the temporary path it is given.</param>
    public static void Write(string path, Action<string> writeTemp)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeTemp);
        string full = FileKind.WriteTarget(Path.GetFullPath(path));
        if (FileKind.IsSpecial(full))
        {
            WriteInPlace(full, writeTemp);
            return;
        }

        if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        string temp = full + ".tmp" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-"
            + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (TempPaths.Names(e, temp))
        {
            TryDelete(temp);
            throw TempPaths.Renamed(e, temp, path);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    // The content is written to a temporary file in the system's temporary folder (never beside a device, e.g. in /dev; and
    // seekable, which workbook writers need), then streamed into the target.
    private static void WriteInPlace(string target, Action<string> writeTemp)
    {
        string temp = Path.Combine(Path.GetTempPath(), "burnrate-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-"
            + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture) + "-" + Path.GetFileName(target));
        try
        {
            writeTemp(temp);
            using FileStream source = new(temp, FileMode.Open, FileAccess.Read, FileShare.Read);
            using FileStream device = OpenInPlace(target);
            source.CopyTo(device);
        }
        catch (Exception e) when (TempPaths.Names(e, temp))
        {
            throw TempPaths.Renamed(e, temp, target);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    // Open, not Create: a device or FIFO is neither created nor truncated (the kernel ignores O_TRUNC on them anyway).
    private static FileStream OpenInPlace(string target) => new(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temp file.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
