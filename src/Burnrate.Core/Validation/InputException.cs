namespace Burnrate.Core.Validation;

/// <summary>
/// Bad non-catalog input (a request field, an option, a scenario or workload file): carries every bad field, and where
/// it was read from when it came from a file. Surfaces catch this one type: the CLI prints one line per error and exits 2,
/// the web API answers an RFC 7807 validation problem.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="InputException"/> class.</summary>
    /// <param name="errors">The bad fields (at least one).</param>
    /// <param name="location">Where the input was read from, or null for a request built in code or from options.</param>
    public InputException(IReadOnlyList<FieldError> errors, SourceLocation? location = null)
        : base(Summarize(errors, location))
    {
        Errors = errors;
        Location = location;
    }

    /// <summary>Initializes a new instance of the <see cref="InputException"/> class with one bad field.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value given.</param>
    /// <param name="allowed">What is allowed.</param>
    /// <param name="location">Where the input was read from, or null.</param>
    public InputException(string field, string value, string allowed, SourceLocation? location = null)
        : this([new FieldError(field, value, allowed)], location)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputException"/> class.</summary>
    public InputException()
        : this([new FieldError("", "", "bad input")])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputException"/> class.</summary>
    /// <param name="message">The whole one-line message (one error about the input as a whole).</param>
    public InputException(string message)
        : this([new FieldError("", "", message)])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputException"/> class.</summary>
    /// <param name="message">The whole one-line message (one error about the input as a whole).</param>
    /// <param name="innerException">The cause.</param>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new FieldError("", "", message)];
    }

    /// <summary>Gets every bad field, in the order the request declares them.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Gets where the input was read from, or null.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Throws an <see cref="InputException"/> when <paramref name="errors"/> is not empty.</summary>
    /// <param name="errors">The result of a <c>Validate()</c> call.</param>
    /// <param name="location">Where the input was read from, or null.</param>
    public static void ThrowIfAny(IReadOnlyList<FieldError> errors, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new InputException(errors, location);
        }
    }

    /// <summary>Formats every error as one line, using <paramref name="displayName"/> to name each field.</summary>
    /// <param name="displayName">Maps a field name to what the surface calls it (e.g. an option name).</param>
    /// <returns>One line per error, prefixed with the location when there is one.</returns>
    public IEnumerable<string> Lines(Func<string, string> displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        string prefix = Location is null ? "" : Location + ": ";
        return Errors.Select(e => prefix + e.Describe(displayName(e.Field)));
    }

    private static string Summarize(IReadOnlyList<FieldError> errors, SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string prefix = location is null ? "" : location + ": ";
        return prefix + string.Join("; ", errors.Select(e => e.ToString()));
    }
}
