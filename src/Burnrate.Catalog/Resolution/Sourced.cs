using Burnrate.Core.Economics;

namespace Burnrate.Catalog.Resolution;

/// <summary>A default value with the assumption that names it, shows it and cites where it comes from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Assumption">How outputs show it: the name (matching the option or field that overrides it), the value with
/// its unit, and the source ("default: …, with the paper or survey").</param>
public sealed record Sourced<T>(T Value, Assumption Assumption)
{
    /// <summary>Gets the assumption for a value the user gave instead of the default (source "user").</summary>
    /// <param name="shown">The value as shown, with its unit.</param>
    /// <returns>The assumption.</returns>
    public Assumption User(string shown) => Assumption with { Value = shown, Source = "user" };
}
