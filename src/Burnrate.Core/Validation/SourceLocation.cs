namespace Burnrate.Core.Validation;

/// <summary>Where a bad input was read from: a file and, when known, a 1-based line and column.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">The 1-based line, or null when unknown.</param>
/// <param name="Column">The 1-based column, or null when unknown.</param>
public sealed record SourceLocation(string File, int? Line = null, int? Column = null)
{
    /// <inheritdoc />
    public override string ToString() => Line is { } line
        ? Column is { } column ? $"{File}:{line}:{column}" : $"{File}:{line}"
        : File;
}
