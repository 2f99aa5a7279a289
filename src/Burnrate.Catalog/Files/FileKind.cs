using System.Runtime.InteropServices;

namespace Burnrate.Catalog.Files;

/// <summary>
/// What a path names, following symbolic links: nothing, a folder, a regular file, or something else (a character or block
/// device, a FIFO, a socket). .NET's <see cref="FileSystemInfo"/> reports a FIFO or <c>/dev/null</c> as a
/// <see cref="FileAttributes.Normal"/> file, so the type bits come from the kernel: Linux <c>statx(2)</c>, whose
/// <c>struct statx</c> has the same layout on every architecture (<c>stx_mode</c> is a 16-bit field at byte 28).
/// Where <c>statx</c> is not available (not Linux, or a C library without it), an existing non-folder counts as a regular
/// file, which is what it was taken for before.
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Folder = 0x4000;

    private static bool _statxMissing;

    /// <summary>Gets whether <paramref name="path"/> exists (after following links) and is neither a regular file nor a folder:
    /// writing to it must go into it, in place, and never rename a file over it.</summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref _statxMissing))
        {
            return false;
        }

        byte[] buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return false; // missing, or not ours to look at: the write itself reports it
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Volatile.Write(ref _statxMissing, true);
            return false;
        }

        int type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type is not Regular and not Folder;
    }

    /// <summary>Gets the path a write to <paramref name="path"/> lands on: the final target of a symbolic link (so the link is
    /// kept and its target replaced), or the path itself.</summary>
    public static string WriteTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path; // a link loop: the write reports it
        }
    }

    // int statx(int dirfd, const char *pathname, int flags, unsigned int mask, struct statx *statxbuf) — glibc 2.28+, musl 1.2.5+.
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks; this one blittable call does not warrant it
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
