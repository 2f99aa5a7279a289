using System.Runtime.InteropServices;

namespace Burnrate.Catalog.Natives;

/// <summary>The portable runtime identifier of the running process (<c>linux-x64</c>, <c>linux-musl-x64</c>, <c>osx-arm64</c>,
/// ...), the one the tool packages and <see cref="NativePins"/> use; <see cref="RuntimeInformation.RuntimeIdentifier"/> may
/// name a distribution instead.</summary>
public static class NativeRid
{
    /// <summary>Gets the running platform's portable runtime identifier.</summary>
    public static string Current { get; } = For(
        OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture,
        OperatingSystem.IsLinux() && IsMusl());

    /// <summary>Gets the portable identifier of an operating system family, an architecture and, on Linux, its C library: a
    /// musl system (Alpine) is <c>linux-musl-*</c>, whose natives differ from glibc's and are not pinned.</summary>
    internal static string For(string os, Architecture architecture, bool musl)
    {
        string arch = architecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture other => other.ToString().ToLowerInvariant(),
        };
        return os + (musl && os == "linux" ? "-musl-" : "-") + arch;
    }

    // The runtime names musl in its own identifier; the dynamic loader's file says so even for a runtime built elsewhere.
    private static bool IsMusl()
    {
        if (RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            return Directory.Exists("/lib") && Directory.EnumerateFiles("/lib", "ld-musl-*.so.1").Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
