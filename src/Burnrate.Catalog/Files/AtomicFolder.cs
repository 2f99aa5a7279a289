using System.Diagnostics;
using System.Globalization;

namespace Burnrate.Catalog.Files;

/// <summary>
/// Writes a set of files so a reader never sees old and new files mixed: everything is written into a temporary folder beside
/// the target, which is then swapped in by renames (the old folder is renamed aside, the new one takes its name, and files
/// the set does not own are carried over). On any failure the temporary folder is deleted and the target is left as it was;
/// a temporary folder left by a killed run is removed by the next run into the same target.
/// </summary>
public static class AtomicFolder
{
    private const string TempMarker = ".burnrate-tmp-";
    private const string OldMarker = ".burnrate-old-";
    private static long _counter;

    /// <summary>Writes the set with <paramref name="writeInto"/> and swaps it in as <paramref name="directory"/>.</summary>
    /// <param name="directory">The target folder (created when missing).</param>
    /// <param name="writeInto">Writes every file of the set into the temporary folder it is given and returns their names.</param>
    /// <param name="isOwned">Whether a file name in an existing target belongs to the set (it is replaced or removed); other
    /// files are kept.</param>
    /// <returns>The full paths of the files written, inside <paramref name="directory"/>.</returns>
    public static IReadOnlyList<string> Write(string directory, Func<string, IEnumerable<string>> writeInto, Func<string, bool> isOwned)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(writeInto);
        ArgumentNullException.ThrowIfNull(isOwned);
        // A link to a folder is written through: the folder it names is swapped and the link kept.
        string target = FileKind.WriteTarget(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{directory}': cannot write the set into a root folder");
        string name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);
        string temp = Path.Combine(parent, "." + name + TempMarker + Suffix());
        try
        {
            Directory.CreateDirectory(temp);
            var names = writeInto(temp).Select(p => Path.GetFileName(p)).Distinct(StringComparer.Ordinal).ToList();
            Swap(temp, target, isOwned);
            return [.. names.Select(n => Path.Combine(directory, n))];
        }
        catch (Exception e) when (TempPaths.Names(e, temp))
        {
            TryDelete(temp);
            throw TempPaths.Renamed(e, temp, Path.TrimEndingDirectorySeparator(directory));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void Swap(string temp, string target, Func<string, bool> isOwned)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }

        string cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.CurrentDirectory));
        if (cwd.StartsWith(target, StringComparison.Ordinal))
        {
            // Renaming the working folder away would strand the shell in a deleted folder: replace file by file instead.
            MoveFilesInto(temp, target, isOwned);
            TryDelete(temp);
            return;
        }

        string old = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + OldMarker + Suffix());
        Directory.Move(target, old);
        try
        {
            Directory.Move(temp, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }

        // The user's own files (and folders) in the old target come along; the old set does not.
        foreach (string entry in Directory.EnumerateFileSystemEntries(old))
        {
            string entryName = Path.GetFileName(entry);
            string destination = Path.Combine(target, entryName);
            if (isOwned(entryName) || Path.Exists(destination))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Move(entry, destination);
            }
            else
            {
                File.Move(entry, destination);
            }
        }

        TryDelete(old);
    }

    private static void MoveFilesInto(string temp, string target, Func<string, bool> isOwned)
    {
        var fresh = Directory.EnumerateFiles(temp).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (string stale in Directory.EnumerateFiles(target).Where(f => isOwned(Path.GetFileName(f)) && !fresh.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (string file in Directory.EnumerateFiles(temp))
        {
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    // Temporary or set-aside folders of runs that were killed (their process is gone) are deleted; a live run's are left.
    private static void RemoveLeftovers(string parent, string name)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (string leftover in Directory.EnumerateDirectories(parent, "." + name + ".burnrate-*"))
        {
            string rest = Path.GetFileName(leftover)[(name.Length + 1)..];
            string[] parts = rest.Split('-');
            if ((rest.StartsWith(TempMarker, StringComparison.Ordinal) || rest.StartsWith(OldMarker, StringComparison.Ordinal))
                && parts.Length >= 4 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !IsRunning(pid))
            {
                TryDelete(leftover);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Suffix() => Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-"
        + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary folder (the next run removes it).
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
