namespace Burnrate.Catalog.Natives;

/// <summary>One NuGet package's native libraries for one platform, as the build restored it (<see cref="NativePins"/>).</summary>
/// <param name="PackageId">The NuGet package id, e.g. <c>DuckDB.NET.Bindings.Full</c>.</param>
/// <param name="Version">The exact package version the build used.</param>
/// <param name="RuntimeIdentifier">The platform, e.g. <c>linux-x64</c>.</param>
/// <param name="FolderInPackage">Where the platform's native libraries sit in the package, e.g. <c>runtimes/linux-x64/native/</c>.</param>
/// <param name="Sha512">The SHA-512 of the whole .nupkg, base64 (NuGet's <c>.nupkg.sha512</c> of the restored package).</param>
/// <param name="PackageBytes">The size of the .nupkg (what is downloaded).</param>
/// <param name="NativeBytes">The size of the platform's native libraries (what is kept).</param>
public sealed record NativePin(string PackageId, string Version, string RuntimeIdentifier, string FolderInPackage, string Sha512, long PackageBytes, long NativeBytes)
{
    /// <summary>Gets the package's file name in a NuGet v3 flat container: <c>ID.VERSION.nupkg</c>, lower case.</summary>
    public string FileName => $"{PackageId.ToLowerInvariant()}.{Version.ToLowerInvariant()}.nupkg";

    /// <summary>Gets the package's address relative to a NuGet v3 flat container's base: <c>id/version/id.version.nupkg</c>.</summary>
    public string RelativeUrl => $"{PackageId.ToLowerInvariant()}/{Version.ToLowerInvariant()}/{FileName}";
}
