namespace Burnrate.Catalog.Natives;

/// <summary>
/// Where downloaded native libraries are kept: <c>BURNRATE_NATIVE_CACHE</c>, else <c>$XDG_CACHE_HOME/burnrate/natives</c>,
/// else <c>~/.cache/burnrate/natives</c>; inside, one folder per platform, package and version
/// (<c>linux-x64/duckdb.net.bindings.full/1.5.6.1/</c>), which appears whole or not at all (<see cref="NativeInstaller"/>).
/// </summary>
/// <param name="Root">The cache's root folder.</param>
public sealed record NativeCache(string Root)
{
    /// <summary>Gets the environment variable that names the cache folder.</summary>
    public const string Variable = "BURNRATE_NATIVE_CACHE";

    /// <summary>Gets the cache the environment names.</summary>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    /// <returns>The cache.</returns>
    public static NativeCache FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is { Length: > 0 } explicitRoot)
        {
            return new NativeCache(Path.GetFullPath(explicitRoot));
        }

        string cacheHome = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg)
            ? xdg
            : Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return new NativeCache(Path.Combine(cacheHome, "burnrate", "natives"));
    }

    /// <summary>Gets the cache of this process's environment.</summary>
    public static NativeCache Current => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Gets the folder that holds a pin's native libraries.</summary>
    public string Folder(NativePin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return Path.Combine(Root, pin.RuntimeIdentifier, pin.PackageId.ToLowerInvariant(), pin.Version.ToLowerInvariant());
    }

    /// <summary>Whether every pin of <paramref name="component"/> for the platform is in the cache.</summary>
    public bool Has(NativeComponent component, string runtimeIdentifier)
    {
        IReadOnlyList<NativePin> pins = NativePins.For(component, runtimeIdentifier);
        return pins.Count > 0 && pins.All(p => Directory.Exists(Folder(p)));
    }
}
