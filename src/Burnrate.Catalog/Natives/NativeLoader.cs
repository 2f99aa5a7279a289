using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Burnrate.Catalog.Natives;

/// <summary>
/// Finds the DuckDB and OR-Tools native libraries where the tool package does not carry them. The runtime looks next to
/// the application first (a development build or the tests have them there: nothing changes); only when that fails does
/// <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> ask this loader, which loads them from the
/// <see cref="NativeCache"/> that <c>burnrate natives install</c> fills. A library found nowhere stays a
/// <see cref="DllNotFoundException"/>, which <see cref="Missing"/> turns into the component to name in one clear line.
/// </summary>
public static class NativeLoader
{
    private static int _registered;

    /// <summary>Hooks the loader into the default load context (once; later calls do nothing).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
        }
    }

    /// <summary>Loads a component's library from the cache.</summary>
    /// <param name="component">The component.</param>
    /// <param name="cache">The cache.</param>
    /// <param name="runtimeIdentifier">The platform.</param>
    /// <param name="handle">The loaded library, or zero.</param>
    /// <returns>Whether it loaded.</returns>
    public static bool TryLoad(NativeComponent component, NativeCache cache, string runtimeIdentifier, out IntPtr handle)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(cache);
        foreach (NativePin pin in NativePins.For(component, runtimeIdentifier))
        {
            string folder = cache.Folder(pin);
            foreach (string name in FileNames(component.LibraryName))
            {
                string path = Path.Combine(folder, name);
                // Dependencies (OR-Tools' libortools, abseil, protobuf) sit in the same folder: the libraries find them
                // through their own run path ($ORIGIN, @loader_path) or, on Windows, the loaded library's folder.
                if (File.Exists(path) && NativeLibrary.TryLoad(path, out handle))
                {
                    return true;
                }
            }
        }

        handle = IntPtr.Zero;
        return false;
    }

    /// <summary>Gets the component whose library failed to load in <paramref name="e"/> (or an exception inside it, such as
    /// the one a type initializer wraps), or null when the failure is something else.</summary>
    public static NativeComponent? Missing(Exception? e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DllNotFoundException && NativeComponent.All.FirstOrDefault(c => inner.Message.Contains("'" + c.LibraryName + "'", StringComparison.Ordinal)) is { } component)
            {
                return component;
            }
        }

        return null;
    }

    private static IntPtr Resolve(Assembly assembly, string libraryName)
    {
        string? assemblyName = assembly.GetName().Name;
        NativeComponent? component = NativeComponent.All.FirstOrDefault(c =>
            string.Equals(c.LibraryName, libraryName, StringComparison.Ordinal) && string.Equals(c.AssemblyName, assemblyName, StringComparison.Ordinal));
        return component is not null && TryLoad(component, NativeCache.Current, NativeRid.Current, out IntPtr handle) ? handle : IntPtr.Zero;
    }

    private static string[] FileNames(string library) =>
        OperatingSystem.IsWindows() ? [library + ".dll"]
        : OperatingSystem.IsMacOS() ? ["lib" + library + ".dylib", library + ".dylib"]
        : ["lib" + library + ".so", library + ".so"];
}
