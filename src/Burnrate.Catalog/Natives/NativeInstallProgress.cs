namespace Burnrate.Catalog.Natives;

/// <summary>How far the download of one package is.</summary>
/// <param name="Pin">The package.</param>
/// <param name="BytesDone">Bytes downloaded so far.</param>
/// <param name="TotalBytes">The package's size.</param>
public sealed record NativeInstallProgress(NativePin Pin, long BytesDone, long TotalBytes);

/// <summary>One package's native libraries in the cache.</summary>
/// <param name="Pin">The package.</param>
/// <param name="Folder">The cache folder that holds its native libraries.</param>
/// <param name="AlreadyInstalled">Whether they were there before (nothing was downloaded).</param>
public sealed record NativeInstallResult(NativePin Pin, string Folder, bool AlreadyInstalled);
