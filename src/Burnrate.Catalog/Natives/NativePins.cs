namespace Burnrate.Catalog.Natives;

/// <summary>
/// The native packages the build used, with their SHA-512, generated at build time from the restored packages
/// (Burnrate.Catalog.csproj writes <c>NativePins.g.cs</c>): what <see cref="NativeInstaller"/> may download and accept.
/// </summary>
public static partial class NativePins
{
    /// <summary>Gets every pin: one per package and platform.</summary>
    public static IReadOnlyList<NativePin> All => Generated;

    /// <summary>Gets the platforms that have pins, in the order the build lists them.</summary>
    public static IReadOnlyList<string> RuntimeIdentifiers => [.. Generated.Select(p => p.RuntimeIdentifier).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets the pins of a component for a platform (empty when the platform has none).</summary>
    /// <param name="component">The component.</param>
    /// <param name="runtimeIdentifier">The platform, e.g. <c>linux-x64</c>.</param>
    /// <returns>The pins.</returns>
    public static IReadOnlyList<NativePin> For(NativeComponent component, string runtimeIdentifier)
    {
        ArgumentNullException.ThrowIfNull(component);
        return [.. Generated.Where(p => component.Owns(p.PackageId) && string.Equals(p.RuntimeIdentifier, runtimeIdentifier, StringComparison.Ordinal))];
    }
}
