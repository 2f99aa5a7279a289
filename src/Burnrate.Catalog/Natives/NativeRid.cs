using System.Runtime.InteropServices;

namespace Burnrate.Catalog.Natives;

/// <summary>The portable runtime identifier of the running process (<c>linux-x64</c>, <c>osx-arm64</c>, ...), the one the
/// tool packages and <see cref="NativePins"/> use; <see cref="RuntimeInformation.RuntimeIdentifier"/> may name a distribution instead.</summary>
public static class NativeRid
{
    /// <summary>Gets the running platform's portable runtime identifier.</summary>
    public static string Current { get; } = Compute();

    private static string Compute()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription;
        string arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture other => other.ToString().ToLowerInvariant(),
        };
        return os + "-" + arch;
    }
}
