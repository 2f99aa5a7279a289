using Burnrate.Core.Hardware;
using Burnrate.Core.Validation;

namespace Burnrate.Catalog.Resolution;

/// <summary>Parses precision ids against the precisions a role allows.</summary>
public static class Precisions
{
    /// <summary>Parses <paramref name="id"/> or throws an <see cref="InputException"/> naming <paramref name="field"/> and the allowed ids.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="id">The precision id, e.g. "fp8".</param>
    /// <param name="allowed">The precisions allowed for this role.</param>
    /// <returns>The precision.</returns>
    public static Precision Parse(string field, string? id, IReadOnlyList<Precision> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return id is not null && PrecisionExtensions.TryParse(id, out Precision p) && allowed.Contains(p)
            ? p
            : throw new InputException(field, id ?? "", ServingDefaults.OneOf(allowed));
    }

    /// <summary>Adds an error to <paramref name="checks"/> when <paramref name="id"/> is given and not allowed.</summary>
    /// <param name="checks">The collector.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="id">The precision id, or null.</param>
    /// <param name="allowed">The precisions allowed for this role.</param>
    public static void Check(FieldChecks checks, string field, string? id, IReadOnlyList<Precision> allowed)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(allowed);
        if (id is not null && !(PrecisionExtensions.TryParse(id, out Precision p) && allowed.Contains(p)))
        {
            checks.Add(field, id, ServingDefaults.OneOf(allowed));
        }
    }
}
