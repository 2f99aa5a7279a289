namespace Burnrate.Catalog.Natives;

/// <summary>
/// A feature whose native libraries the tool package leaves out (they are most of its size): the ledger (DuckDB) and the
/// fleet optimizer (OR-Tools with SCIP, HiGHS, COIN-OR, protobuf and abseil). <c>burnrate natives install</c> fetches them.
/// </summary>
/// <param name="Name">The name on the command line: <c>ledger</c> or <c>fleet</c>.</param>
/// <param name="Feature">What needs it, in words: <c>the ledger</c>.</param>
/// <param name="Library">What is missing, in words: <c>DuckDB's native library</c>.</param>
/// <param name="LibraryName">The name the managed assembly imports (<c>DllImport</c>), e.g. <c>duckdb</c>.</param>
/// <param name="AssemblyName">The managed assembly that imports it, e.g. <c>DuckDB.NET.Bindings</c>.</param>
/// <param name="PackagePrefix">The NuGet package id, or the start of the per-platform ids, that carries the libraries.</param>
public sealed record NativeComponent(string Name, string Feature, string Library, string LibraryName, string AssemblyName, string PackagePrefix)
{
    /// <summary>Gets the ledger's DuckDB.</summary>
    public static NativeComponent Ledger { get; } = new("ledger", "the ledger", "DuckDB's native library", "duckdb", "DuckDB.NET.Bindings", "DuckDB.NET.Bindings.Full");

    /// <summary>Gets the fleet optimizer's OR-Tools.</summary>
    public static NativeComponent Fleet { get; } = new("fleet", "the fleet optimizer", "OR-Tools' native libraries", "google-ortools-native", "Google.OrTools", "Google.OrTools.runtime.");

    /// <summary>Gets every component.</summary>
    public static IReadOnlyList<NativeComponent> All { get; } = [Ledger, Fleet];

    /// <summary>Gets the component named <paramref name="name"/> (<c>ledger</c>, <c>fleet</c>), or null.</summary>
    public static NativeComponent? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the package <paramref name="packageId"/> carries this component's libraries.</summary>
    public bool Owns(string packageId) => PackagePrefix.EndsWith('.')
        ? packageId.StartsWith(PackagePrefix, StringComparison.OrdinalIgnoreCase)
        : string.Equals(packageId, PackagePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the one-line message for a run without the libraries: what needs them, their size, what to run.</summary>
    /// <param name="runtimeIdentifier">The platform (the size is that platform's).</param>
    public string MissingMessage(string runtimeIdentifier)
    {
        long bytes = NativePins.For(this, runtimeIdentifier).Sum(p => p.NativeBytes);
        string size = bytes > 0 ? $" ({Math.Max(1, (long)Math.Round(bytes / 1e6)):0} MB)" : "";
        return $"{Feature} needs {Library}{size}: run `burnrate natives install {Name}` (docs/natives.md)";
    }
}
