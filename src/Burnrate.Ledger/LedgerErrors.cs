using Burnrate.Core.Validation;

namespace Burnrate.Ledger;

/// <summary>Builds the ledger's bad-input errors as Core <see cref="InputException"/>s: one located line each (file, line, field, value, what is allowed).</summary>
internal static class LedgerErrors
{
    /// <summary>Gets an error about a file as a whole, or about a place in it, whose message already names the field, value and what is allowed.</summary>
    public static InputException In(string file, string message, long? line = null, int? column = null) =>
        new([new FieldError(string.Empty, string.Empty, message)], new SourceLocation(file, line is null ? null : (int)Math.Min(line.Value, int.MaxValue), column));

    /// <summary>Gets an error about one field: its name, the value given and what is allowed, with where it was read.</summary>
    public static InputException Field(string field, string value, string allowed, SourceLocation? location = null) => new(field, value, allowed, location);

    /// <summary>Gets the error placed in <paramref name="file"/> (keeping its line and column) when it was raised without a file.</summary>
    public static InputException InFile(InputException e, string file) =>
        e.Location is { File.Length: > 0 } ? e : new InputException(e.Errors, new SourceLocation(file, e.Location?.Line, e.Location?.Column));
}
