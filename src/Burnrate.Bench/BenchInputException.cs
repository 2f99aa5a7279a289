namespace Burnrate.Bench;

/// <summary>Thrown when a bench request or a file it names is not valid input; <see cref="Errors"/> lists every bad field.</summary>
public sealed class BenchInputException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BenchInputException"/> class.</summary>
    /// <param name="errors">The bad fields.</param>
    public BenchInputException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Field} '{e.Value}': expected {e.Allowed}"))) => Errors = errors;

    /// <summary>Initializes a new instance of the <see cref="BenchInputException"/> class for one bad field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value given.</param>
    /// <param name="allowed">What is allowed.</param>
    public BenchInputException(string field, string value, string allowed)
        : this([new FieldError(field, value, allowed)])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BenchInputException"/> class.</summary>
    public BenchInputException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BenchInputException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BenchInputException(string message)
        : base(message) => Errors = [];

    /// <summary>Initializes a new instance of the <see cref="BenchInputException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BenchInputException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Gets every bad field.</summary>
    public IReadOnlyList<FieldError> Errors { get; }
}
